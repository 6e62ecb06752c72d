package com.loyalty.coupon;

import reactor.core.publisher.Mono;

/** Other features' reactions to coupons being handed out and used, run in the same transaction (webhooks). */
public interface CouponEvents {

    /** A member got a coupon (claimed, bought with points, issued by staff, in a pack, by a campaign); {@code source} says how. */
    default Mono<Void> couponIssued(MemberCoupon coupon, CouponTemplate template, String source) {
        return Mono.empty();
    }

    /** A coupon was used by a purchase at the store (null: online). */
    default Mono<Void> couponRedeemed(MemberCoupon coupon, CouponTemplate template, long purchaseId, Long storeId) {
        return Mono.empty();
    }
}
