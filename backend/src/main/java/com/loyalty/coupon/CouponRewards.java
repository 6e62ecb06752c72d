package com.loyalty.coupon;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What other features use to reward members with coupons (a completed stamp card, a tier's monthly
 * benefit) and to show what they gave: the coupon module's public side for them.
 */
@Service
public class CouponRewards {

    private final CouponService coupons;
    private final CouponRepository rows;

    CouponRewards(CouponService coupons, CouponRepository rows) {
        this.coupons = coupons;
        this.rows = rows;
    }

    /**
     * Gives the member a coupon of the template, inside the caller's transaction, checked as an issued
     * coupon (archived, outside its window, tier too low, out of stock, per-member limit reached: a
     * BusinessException says which). Once per key: a repeat returns the first coupon (source REWARD).
     */
    public Mono<MemberCoupon> reward(long brandId, long memberId, long templateId, String key) {
        return coupons.reward(brandId, memberId, templateId, key);
    }

    /** The brand's templates with these ids, by id (missing ones left out). */
    public Mono<Map<Long, CouponTemplate>> templates(long brandId, Collection<Long> ids) {
        return ids.isEmpty() ? Mono.just(Map.of())
                : rows.findTemplates(List.copyOf(ids)).filter(t -> t.brandId() == brandId).collectMap(CouponTemplate::id);
    }

    /** These coupons (a member's rewards), as they are now. */
    public Flux<MemberCoupon> coupons(Collection<Long> ids) {
        return ids.isEmpty() ? Flux.empty() : rows.findCoupons(List.copyOf(ids));
    }
}
