package com.loyalty.analytics.rollup;

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
 * Marks a past business day stale in both rollups (sales and members; points and coupons) when an
 * order is recorded for it (an import) or one of its orders is refunded, in the same transaction,
 * so its numbers are read live until rolled up again.
 */
@Component
class StaleDayMarks implements PurchaseEvents {

    private final RollupRepository rollups;
    private final EconomyRollupRepository economy;
    private final BrandProperties brand;
    private final Clock clock;

    public StaleDayMarks(RollupRepository rollups, EconomyRollupRepository economy, BrandProperties brand,
                         Clock clock) {
        this.rollups = rollups;
        this.economy = economy;
        this.brand = brand;
        this.clock = clock;
    }

    @Override
    public Mono<Void> purchaseRecorded(Purchase purchase, Member member) {
        return markIfPast(purchase);
    }

    @Override
    public Mono<Void> guestPurchaseRecorded(Purchase purchase) {
        return markIfPast(purchase);
    }

    @Override
    public Mono<Void> purchaseRefunded(Purchase purchase, Refund refund) {
        return markIfPast(purchase);
    }

    private Mono<Void> markIfPast(Purchase purchase) {
        LocalDate day = LocalDate.ofInstant(purchase.occurredAt(), brand.zone());
        return day.isBefore(brand.today(clock))
                ? rollups.markStale(purchase.brandId(), day).then(economy.markDirty(purchase.brandId(), day))
                : Mono.empty();
    }
}
