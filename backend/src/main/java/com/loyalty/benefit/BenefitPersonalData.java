package com.loyalty.benefit;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The monthly tier benefits the member was given (which coupons, for which month and tier), for their data export. */
@Component
class BenefitPersonalData implements PersonalData {

    private final TierBenefitRepository benefits;

    BenefitPersonalData(TierBenefitRepository benefits) {
        this.benefits = benefits;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return benefits.exportOf(memberId).map(json -> new ExportSection("tierBenefits", json)).flux();
    }
}
