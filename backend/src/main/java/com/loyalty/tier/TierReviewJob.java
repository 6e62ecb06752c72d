package com.loyalty.tier;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The monthly tier review for the month of a business date; one transaction per member. */
@Component
class TierReviewJob implements ScheduledJob {

    private final TierService tiers;
    private final TransactionalOperator tx;

    TierReviewJob(TierService tiers, TransactionalOperator tx) {
        this.tiers = tiers;
        this.tx = tx;
    }

    @Override
    public JobName job() {
        return JobName.TIER_REVIEW;
    }

    /** Reviews every member who has a tier to keep or spent in the window. */
    @Override
    public Mono<String> run(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return tiers.membersToReview(month)
                .concatMap(memberId -> tiers.review(memberId, month).as(tx::transactional).thenReturn(memberId))
                .count()
                .map(n -> "reviewed " + n + " members for " + month);
    }
}
