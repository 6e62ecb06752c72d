package com.loyalty.campaign;

import com.loyalty.coupon.CouponPackService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The daily work of running (not paused, not ended) member-day and birthday campaigns: members who joined the audience
 * since launch are added (with the same fixed control split), member-day members are reached at
 * once, and birthday members get the pack in their birth month, once, within the budget.
 */
@Service
public class BuiltInCampaigns {

    private final CampaignRepository campaigns;
    private final CouponPackService packs;
    private final Clock clock;
    private final TransactionalOperator tx;

    public BuiltInCampaigns(CampaignRepository campaigns, CouponPackService packs, Clock clock,
                            TransactionalOperator tx) {
        this.campaigns = campaigns;
        this.packs = packs;
        this.clock = clock;
        this.tx = tx;
    }

    /** Runs every launched built-in campaign for the business date; returns the birthday packs given. */
    public Mono<Long> run(LocalDate asOf) {
        Instant now = clock.instant();
        return campaigns.runningBuiltIns(now)
                .concatMap(c -> campaigns.recordSkipped(c, now).then(campaigns.recordAudience(c, now))
                        .then(c.kind() == Campaign.Kind.MEMBER_DAY ? campaigns.reachTreated(c.id(), now) : Mono.empty())
                        .then(c.kind() == Campaign.Kind.BIRTHDAY ? birthdayPacks(c, asOf, now) : Mono.just(0L)))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> birthdayPacks(Campaign c, LocalDate asOf, Instant now) {
        return campaigns.reachedCount(c.id()).flatMap(given -> {
            long left = c.budget() == null ? Long.MAX_VALUE : Math.max(0, c.budget() - given);
            return campaigns.birthdaysDue(c.id(), asOf.getMonthValue())
                    .take(left)
                    .concatMap(member -> packs.issueForCampaign(c.brandId(), member, c.packId(), c.id())
                            .then(campaigns.markReached(c.id(), member, now))
                            .as(tx::transactional)
                            .thenReturn(1L))
                    .reduce(0L, Long::sum);
        });
    }
}
