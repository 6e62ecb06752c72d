package com.loyalty.mall;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.notify.NotificationOutbox;
import com.loyalty.privacy.ConsentService;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * When the early access of goods on sale opens, queues one message (purpose MALL_EARLY_ACCESS) to
 * each member of the tiers that have it and who consented to marketing: an offer is marketing, so it
 * goes by SMS only (see notify's MessageKind). Once per version of the goods: each member at most once.
 */
@Component
class MallEarlyAccessJob implements ScheduledJob {

    static final String PURPOSE = "MALL_EARLY_ACCESS";
    /** Members whose consents are read at once. */
    private static final int CHUNK = 500;

    private final MallRepository goods;
    private final TierService tiers;
    private final ConsentService consents;
    private final NotificationOutbox outbox;
    private final Clock clock;

    MallEarlyAccessJob(MallRepository goods, TierService tiers, ConsentService consents, NotificationOutbox outbox,
                       Clock clock) {
        this.goods = goods;
        this.tiers = tiers;
        this.consents = consents;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.MALL_EARLY_ACCESS;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        Instant now = clock.instant();
        return goods.earlyAccessToAnnounce(now)
                .concatMap(g -> goods.markAnnounced(g.id(), g.version())
                        .flatMap(first -> first ? tell(g, now) : Mono.just(0L)))
                .reduce(0L, Long::sum)
                .map(n -> "queued " + n + " early-access messages");
    }

    private Mono<Long> tell(MallGoods g, Instant now) {
        return tiers.membersAtOrAbove(g.brandId(), g.earlyAccessTierLevel())
                .buffer(CHUNK)
                .concatMap(ids -> consents.consentsOf(ids).flatMapMany(byId -> Flux.fromIterable(ids)
                        .filter(id -> byId.containsKey(id) && byId.get(id).marketing())))
                .concatMap(memberId -> outbox.enqueue(memberId, PURPOSE, "mall-early:" + g.id() + ":" + g.version() + ":" + memberId,
                        Map.of("goodsId", g.id(), "name", g.name(), "openFrom", g.openFrom().toString()), now))
                .filter(Boolean::booleanValue)
                .count();
    }
}
