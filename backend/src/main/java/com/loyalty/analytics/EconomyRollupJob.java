package com.loyalty.analytics;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Nightly: rolls up the day before the date (never today or later), every day of the last
 * {@link AnalyticsRange#MAX_DAYS} not rolled up yet, and every day marked dirty; one transaction per brand.
 */
@Component
public class EconomyRollupJob implements ScheduledJob {

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
                        .flatMap(days -> rollups.rollUp(brandId, days, brand.zone(), clock.instant())
                                .as(tx::transactional).thenReturn(days.size())))
                .reduce(0, Integer::sum)
                .map(days -> "rolled up " + days + " brand-days of points and coupons, up to " + last);
    }
}
