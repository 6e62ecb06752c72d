package com.loyalty.campaign;

import com.loyalty.purchase.EarningMultipliers;
import com.loyalty.shared.redis.AnnouncedCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A MULTIPLIER campaign's benefit: purchases of its reached, treated members earn more points in its
 * window (on its member day only, for a member-day campaign); the largest multiplier wins.
 * <p>
 * Most purchases happen while no multiplier campaign runs, so the earliest start of any launched,
 * not ended MULTIPLIER campaign is held in memory ({@link AnnouncedCache}): a purchase before it
 * asks the database nothing. Launching or rewriting a campaign drops it on every instance; a
 * campaign starting, pausing or ending does not change it (those stay in the held set and the
 * database's answer checks them), and it is read again every {@link #MAX_AGE}.
 */
@Component
class CampaignEarningMultipliers implements EarningMultipliers, DisposableBean {

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    /** One answer for every brand (the campaign's members tie it to their brand). */
    private static final long EVERY_BRAND = 0;

    private final CampaignRepository campaigns;
    private final Clock clock;
    private final AnnouncedCache<Instant> earliestStart;

    CampaignEarningMultipliers(CampaignRepository campaigns, Clock clock, RedissonClient redis) {
        this.campaigns = campaigns;
        this.clock = clock;
        this.earliestStart = new AnnouncedCache<>("multiplier-campaigns", brand -> campaigns.earliestMultiplierStart(),
                MAX_AGE, redis);
    }

    @Override
    public Mono<Double> multiplierFor(long memberId, Instant at) {
        return earliestStart.get(EVERY_BRAND)
                .filter(start -> !start.isAfter(at))
                .flatMap(start -> campaigns.activeMultiplier(memberId, at, clock.getZone()))
                .defaultIfEmpty(1.0);
    }

    /** After a campaign was launched or rewritten (it may have become a multiplier, or start earlier). */
    Mono<Void> campaignsChanged() {
        return earliestStart.changed(EVERY_BRAND);
    }

    @Override
    public void destroy() {
        earliestStart.close();
    }
}
