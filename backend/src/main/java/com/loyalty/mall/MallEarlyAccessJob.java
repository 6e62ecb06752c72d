package com.loyalty.mall;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.notify.MarketingNotices;
import com.loyalty.tier.TierService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When the early access of goods on sale opens, queues one message (purpose MALL_EARLY_ACCESS) to
 * each member of the tiers that have it and who consented to marketing: an offer is marketing, so it
 * goes by SMS only (see notify's MessageKind). Once per version of the goods: each member at most once
 * (notify's {@link MarketingNotices}, as for coupons).
 */
@Component
class MallEarlyAccessJob implements ScheduledJob {

    static final String PURPOSE = "MALL_EARLY_ACCESS";

    private final MallRepository goods;
    private final TierService tiers;
    private final MarketingNotices notices;
    private final Clock clock;

    MallEarlyAccessJob(MallRepository goods, TierService tiers, MarketingNotices notices, Clock clock) {
        this.goods = goods;
        this.tiers = tiers;
        this.notices = notices;
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
                // told first, marked after: a run stopped in between is finished by the next one, and
                // the members it already told are not told again (their dedupe keys)
                .concatMap(g -> tell(g, now).flatMap(n -> goods.markAnnounced(g.id(), g.version()).thenReturn(n)))
                .reduce(0L, Long::sum)
                .map(n -> "queued " + n + " early-access messages");
    }

    private Mono<Long> tell(MallGoods g, Instant now) {
        return notices.tellConsenting(tiers.membersAtOrAbove(g.brandId(), g.earlyAccessTierLevel()), PURPOSE,
                memberId -> "mall-early:" + g.id() + ":" + g.version() + ":" + memberId,
                Map.of("goodsId", g.id(), "name", g.name(), "openFrom", g.openFrom().toString()), now);
    }
}
