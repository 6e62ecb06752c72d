package com.loyalty.coupon;

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
 * When a coupon's early access opens, tells each member of its early tiers who consents to marketing
 * (purpose COUPON_EARLY_ACCESS: an offer is marketing, so it goes by SMS, see notify's MessageKind),
 * as the mall does for its goods ({@link MarketingNotices}). Each member is told at most once per
 * coupon, whatever retries or instances run it: the message's dedupe key is the coupon's and the
 * member's. The coupon is marked told after its members were queued, so a run stopped in between is
 * finished by the next one; a tier added to the early access later is told then.
 */
@Component
class CouponEarlyAccessJob implements ScheduledJob {

    static final String PURPOSE = "COUPON_EARLY_ACCESS";

    private final CouponRepository coupons;
    private final TierService tiers;
    private final MarketingNotices notices;
    private final Clock clock;

    CouponEarlyAccessJob(CouponRepository coupons, TierService tiers, MarketingNotices notices, Clock clock) {
        this.coupons = coupons;
        this.tiers = tiers;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.COUPON_EARLY_ACCESS;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        Instant now = clock.instant();
        return coupons.earlyAccessToAnnounce(now)
                .concatMap(t -> tell(t, now).flatMap(n -> coupons.markEarlyNoticed(t.id(), t.earlyAccess().tierLevels())
                        .thenReturn(n)))
                .reduce(0L, Long::sum)
                .map(n -> "queued " + n + " coupon early-access messages");
    }

    /** The message: which coupon, which tiers, until when only they may claim it. */
    static Map<String, Object> payload(CouponTemplate t, String tierNames) {
        return Map.of("templateId", t.id(), "name", t.name(), "tiers", tierNames,
                "earlyFrom", t.earlyAccess().earlyFrom().toString(), "generalFrom", t.earlyAccess().generalFrom().toString());
    }

    private Mono<Long> tell(CouponTemplate t, Instant now) {
        String names = String.join("、", t.earlyAccess().tierNames(tiers.tiersAt(now)));
        return notices.tellConsenting(tiers.membersIn(t.brandId(), t.earlyAccess().tierLevels()), PURPOSE,
                memberId -> "coupon-early:" + t.id() + ":" + memberId, payload(t, names), now);
    }
}
