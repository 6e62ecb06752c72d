package com.loyalty.stamp;

import com.loyalty.coupon.CouponRewards;
import com.loyalty.coupon.CouponTemplate;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What members see of stamp cards, and how a card's reward reads. */
@Service
public class StampQueries {

    private final StampRepository cards;
    private final CouponRewards coupons;
    private final BrandProperties brand;
    private final Clock clock;

    StampQueries(StampRepository cards, CouponRewards coupons, BrandProperties brand, Clock clock) {
        this.cards = cards;
        this.coupons = coupons;
        this.brand = brand;
        this.clock = clock;
    }

    /** The brand's cards being collected (or paused), each with the member's progress, oldest card first. */
    public Mono<List<MyStampCard>> mine(long brandId, long memberId) {
        Instant now = clock.instant();
        return cards.shown(brandId).collectList().flatMap(shown -> Mono.zip(
                cards.running(memberId, shown.stream().map(StampCard::id).toList())
                        .collectMap(c -> c.terms().id()),
                cards.completedCounts(memberId),
                (running, completed) -> shown.stream().map(current -> MyStampCard.of(
                        running.containsKey(current.id()) ? running.get(current.id()).asOf(now, current)
                                : MemberStampCard.notStarted(current, memberId),
                        current.status(), completed.getOrDefault(current.id(), 0L))).toList()));
    }

    /** 「奖励 100 积分」 or 「奖励 满50减10券」 for each of these rewards (points or a coupon template). */
    Mono<List<String>> rewards(List<Long> points, List<Long> templateIds) {
        List<Long> wanted = templateIds.stream().filter(Objects::nonNull).distinct().toList();
        return (wanted.isEmpty() ? Mono.just(Map.<Long, CouponTemplate>of()) : coupons.templates(brand.id(), wanted))
                .map(found -> java.util.stream.IntStream.range(0, points.size()).mapToObj(i -> points.get(i) != null
                        ? "奖励 " + points.get(i) + " 积分"
                        : "奖励「" + (found.containsKey(templateIds.get(i)) ? found.get(templateIds.get(i)).name()
                                : "优惠券") + "」").toList());
    }
}
