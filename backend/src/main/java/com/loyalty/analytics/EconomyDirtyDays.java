package com.loyalty.analytics;

import com.loyalty.member.Member;
import com.loyalty.purchase.Purchase;
import com.loyalty.purchase.PurchaseEvents;
import com.loyalty.purchase.Refund;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Marks a past day's coupon rollup dirty when its raw data changes: a purchase recorded for a past
 * day (it may redeem coupons on that day) or a refund giving back coupons of a past day's purchase.
 */
@Component
public class EconomyDirtyDays implements PurchaseEvents {

    private final EconomyRollupRepository rollups;
    private final BrandProperties brand;
    private final Clock clock;

    public EconomyDirtyDays(EconomyRollupRepository rollups, BrandProperties brand, Clock clock) {
        this.rollups = rollups;
        this.brand = brand;
        this.clock = clock;
    }

    @Override
    public Mono<Void> purchaseRecorded(Purchase purchase, Member member) {
        return markIfPast(purchase);
    }

    @Override
    public Mono<Void> purchaseRefunded(Purchase purchase, Refund refund) {
        return refund.couponsReturned() > 0 ? markIfPast(purchase) : Mono.empty();
    }

    private Mono<Void> markIfPast(Purchase purchase) {
        LocalDate day = LocalDate.ofInstant(purchase.occurredAt(), brand.zone());
        return day.isBefore(brand.today(clock)) ? rollups.markDirty(purchase.brandId(), day) : Mono.empty();
    }
}
