package com.loyalty.analytics.rollup;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Nightly: rolls up the day before the date (never today or later), every day of the last
 * {@link AnalyticsRange#MAX_DAYS} not rolled up yet, and every day marked dirty; one transaction per brand.
 * An admin's backfill rolls a range up again through {@link #backfill}.
 */
@Component
public class EconomyRollupJob implements ScheduledJob {

    /** A backfill rolls up this many days per transaction, so a change marking one dirty waits seconds at most. */
    static final int BACKFILL_DAYS_PER_TRANSACTION = 31;

    private final EconomyRollupRepository rollups;
    private final TransactionalOperator tx;
    private final BrandProperties brand;
    private final Clock clock;

    public EconomyRollupJob(EconomyRollupRepository rollups, TransactionalOperator tx, BrandProperties brand,
                            Clock clock) {
        this.rollups = rollups;
        this.tx = tx;
        this.brand = brand;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.ECONOMY_ROLLUP;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        LocalDate today = brand.today(clock);
        LocalDate last = (asOf.isAfter(today) ? today : asOf).minusDays(1);
        LocalDate first = last.minusDays(AnalyticsRange.MAX_DAYS - 1);
        return rollups.brandIds()
                .concatMap(brandId -> rollups.daysToRollUp(brandId, first, last).collectList()
                        .flatMap(days -> rollUp(brandId, days)))
                .reduce(0, Integer::sum)
                .map(days -> "rolled up " + days + " brand-days of points and coupons, up to " + last);
    }

    /** Rolls up (again) the given finished days for the brand, a month per transaction; returns how many days. */
    public Mono<Integer> backfill(long brandId, List<LocalDate> days) {
        return Flux.range(0, (days.size() + BACKFILL_DAYS_PER_TRANSACTION - 1) / BACKFILL_DAYS_PER_TRANSACTION)
                .concatMap(i -> rollUp(brandId, days.subList(i * BACKFILL_DAYS_PER_TRANSACTION,
                        Math.min(days.size(), (i + 1) * BACKFILL_DAYS_PER_TRANSACTION))))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> rollUp(long brandId, List<LocalDate> days) {
        return rollups.rollUp(brandId, days, brand.zone(), clock.instant()).as(tx::transactional)
                .thenReturn(days.size());
    }
}
