package com.loyalty.analytics;

import com.loyalty.analytics.rollup.EconomyRollupJob;
import com.loyalty.analytics.rollup.RollupService;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Rolls a range of finished days up into every analytics rollup: the daily sales and member numbers
 * ({@link RollupService}) and the daily points and coupons (the economy rollup), as the nightly jobs would.
 */
@Service
public class AnalyticsBackfill {

    private final RollupService rollups;
    private final EconomyRollupJob economy;

    public AnalyticsBackfill(RollupService rollups, EconomyRollupJob economy) {
        this.rollups = rollups;
        this.economy = economy;
    }

    /** Rolls up (again) every finished day of [from, to] for the brand in both rollups; returns how many days. */
    public Mono<Integer> backfill(long brandId, LocalDate from, LocalDate to) {
        return Mono.defer(() -> {
            List<LocalDate> days = rollups.finishedDays(from, to);
            return rollups.backfill(brandId, days).flatMap(n -> economy.backfill(brandId, days).thenReturn(n));
        });
    }
}
