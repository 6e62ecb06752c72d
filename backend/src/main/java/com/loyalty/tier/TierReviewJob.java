package com.loyalty.tier;

import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The monthly tier review for the month of a business date; one transaction per member. */
@Component
public class TierReviewJob {

    private final TierService tiers;
    private final TransactionalOperator tx;

    public TierReviewJob(TierService tiers, TransactionalOperator tx) {
        this.tiers = tiers;
        this.tx = tx;
    }

    /** Reviews every member who has a tier to keep or spent in the window; returns how many. */
    public Mono<Long> run(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return tiers.membersToReview(month)
                .concatMap(memberId -> tiers.review(memberId, month).as(tx::transactional).thenReturn(memberId))
                .count();
    }
}
