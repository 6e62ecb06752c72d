package com.loyalty.coupon;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import java.time.Instant;

/** COUPON_NOT_YET_OPEN: the member may claim (or buy) the coupon only from {@link #opensAt()}. */
class CouponNotYetOpen extends BusinessException {

    private final transient Instant opensAt;

    CouponNotYetOpen(String message, Instant opensAt) {
        super(UserError.onInput("templateId", ErrorCode.COUPON_NOT_YET_OPEN, message));
        this.opensAt = opensAt;
    }

    Instant opensAt() {
        return opensAt;
    }
}
