package com.loyalty.coupon;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code createCouponPack}. */
public record CouponPackPayload(CouponPack pack, List<UserError> userErrors) {

    public static CouponPackPayload of(CouponPack pack) {
        return new CouponPackPayload(pack, List.of());
    }

    public static CouponPackPayload failed(UserError error) {
        return new CouponPackPayload(null, List.of(error));
    }
}
