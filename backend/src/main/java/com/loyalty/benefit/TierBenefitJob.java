package com.loyalty.benefit;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.tier.TierService;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The monthly run (the 1st, after the tier review): every member of each tier with benefits gets this
 * business month's coupons, once per member, tier and template however often it runs (a second run,
 * or one on another instance, finds them given). Members are read a page at a time.
 */
@Component
class TierBenefitJob implements ScheduledJob {

    private static final int PAGE = 500;

    private final TierBenefitService benefits;
    private final TierService tiers;
    private final BrandProperties brand;

    TierBenefitJob(TierBenefitService benefits, TierService tiers, BrandProperties brand) {
        this.benefits = benefits;
        this.tiers = tiers;
        this.brand = brand;
    }

    @Override
    public JobName job() {
        return JobName.TIER_BENEFITS;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        AtomicLong members = new AtomicLong();
        AtomicLong coupons = new AtomicLong();
        return benefits.current(brand.id())
                .flatMapMany(Flux::fromIterable)
                .filter(version -> !version.items().isEmpty())
                .concatMap(version -> pages(version.tierLevel(), 0L)
                        .concatMap(memberId -> benefits.giveFrom(brand.id(), memberId, version, month, true))
                        .doOnNext(given -> {
                            if (given > 0) {
                                members.incrementAndGet();
                                coupons.addAndGet(given);
                            }
                        }))
                .then(Mono.fromCallable(() -> "gave " + coupons.get() + " coupons to " + members.get() + " members for "
                        + month));
    }

    /** The tier's members, a page at a time after {@code afterId}. */
    private Flux<Long> pages(int level, long afterId) {
        return tiers.membersAt(brand.id(), level, afterId, PAGE).collectList()
                .flatMapMany(page -> page.size() < PAGE ? Flux.fromIterable(page)
                        : Flux.fromIterable(page).concatWith(Flux.defer(() -> pages(level, page.get(page.size() - 1)))));
    }
}
