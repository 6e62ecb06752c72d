package com.loyalty.coupon;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code issueCouponPack}: the coupons the member now holds from the pack. */
public record IssueCouponPackPayload(List<MemberCoupon> coupons, List<UserError> userErrors) {

    public static IssueCouponPackPayload of(List<MemberCoupon> coupons) {
        return new IssueCouponPackPayload(coupons, List.of());
    }

    public static IssueCouponPackPayload failed(UserError error) {
        return new IssueCouponPackPayload(List.of(), List.of(error));
    }
}
