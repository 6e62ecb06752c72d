package com.loyalty.tier;

import com.loyalty.privacy.ExportSection;
import com.loyalty.privacy.PersonalData;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The member's tier, its history and the monthly reviews behind it, for their data export. */
@Component
class TierPersonalData implements PersonalData {

    private final TierRepository tiers;

    TierPersonalData(TierRepository tiers) {
        this.tiers = tiers;
    }

    @Override
    public Flux<ExportSection> sections(long memberId) {
        return Flux.concat(
                tiers.exportTier(memberId).map(json -> new ExportSection("tier", json)),
                tiers.exportTierHistory(memberId).map(json -> new ExportSection("tierHistory", json)),
                tiers.exportTierReviews(memberId).map(json -> new ExportSection("tierReviews", json)));
    }
}
