package com.loyalty.benefit;

import com.loyalty.shared.config.BrandProperties;
import com.loyalty.tier.TierChange;
import com.loyalty.tier.TierEvents;
import java.time.YearMonth;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A member raised to a tier gets this month's benefits of the new tier at once, in the change's flow. */
@Component
class TierBenefitUpgrades implements TierEvents {

    private final TierBenefitService benefits;
    private final BrandProperties brand;

    TierBenefitUpgrades(TierBenefitService benefits, BrandProperties brand) {
        this.benefits = benefits;
        this.brand = brand;
    }

    @Override
    public Mono<Void> tierChanged(long brandId, TierChange change) {
        if (change.toLevel() <= change.fromLevel()) {
            return Mono.empty();
        }
        return benefits.giveOnUpgrade(brandId, change.memberId(), change.toLevel(),
                YearMonth.from(change.changedAt().atZone(brand.zone()))).then();
    }
}
