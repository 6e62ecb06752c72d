package com.loyalty.analytics.rollup;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Shortly after midnight: rolls yesterday (and stale or missing days) up into the analytics tables. */
@Component
class AnalyticsRollupJob implements ScheduledJob {

    private final RollupService rollups;

    public AnalyticsRollupJob(RollupService rollups) {
        this.rollups = rollups;
    }

    @Override
    public JobName job() {
        return JobName.ANALYTICS_ROLLUP;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return rollups.nightly(asOf).map(r -> "rolled up " + r.days() + " brand days (" + r.stale() + " stale)");
    }
}
