package com.loyalty.coupon;

import com.loyalty.shared.graphql.UserError;
import java.time.Instant;
import java.util.List;

/** Result of getting a coupon; {@code opensAt} with COUPON_NOT_YET_OPEN: when the member may get it. */
public record CouponPayload(MemberCoupon coupon, List<UserError> userErrors, Instant opensAt) {

    public static CouponPayload of(MemberCoupon coupon) {
        return new CouponPayload(coupon, List.of(), null);
    }

    public static CouponPayload failed(UserError error) {
        return new CouponPayload(null, List.of(error), null);
    }

    static CouponPayload notYetOpen(CouponNotYetOpen e) {
        return new CouponPayload(null, List.of(e.error()), e.opensAt());
    }
}
