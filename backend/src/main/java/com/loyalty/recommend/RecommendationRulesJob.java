package com.loyalty.recommend;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Nightly: mines every brand's association rules and best sellers afresh, replacing the previous set. */
@Component
class RecommendationRulesJob implements ScheduledJob {

    private final RuleMiningService mining;

    RecommendationRulesJob(RuleMiningService mining) {
        this.mining = mining;
    }

    @Override
    public JobName job() {
        return JobName.RECOMMENDATION_RULES;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        return mining.mineAll(asOf);
    }
}
