package com.loyalty.coupon;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code createCouponTemplate}. */
public record CouponTemplatePayload(CouponTemplate template, List<UserError> userErrors) {

    public static CouponTemplatePayload of(CouponTemplate template) {
        return new CouponTemplatePayload(template, List.of());
    }

    public static CouponTemplatePayload failed(UserError error) {
        return new CouponTemplatePayload(null, List.of(error));
    }
}
