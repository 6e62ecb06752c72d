package com.loyalty.coupon;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of getting a coupon. */
public record CouponPayload(MemberCoupon coupon, List<UserError> userErrors) {

    public static CouponPayload of(MemberCoupon coupon) {
        return new CouponPayload(coupon, List.of());
    }

    public static CouponPayload failed(UserError error) {
        return new CouponPayload(null, List.of(error));
    }
}
