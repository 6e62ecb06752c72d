package com.loyalty.coupon;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Coupons as prizes of another module (the lottery): which templates may be one, and handing one
 * out to a member inside the caller's transaction, with the template's own stock, limits and checks.
 */
@Service
public class CouponPrizes {

    private final CouponService coupons;
    private final HeldTemplates held;

    CouponPrizes(CouponService coupons, HeldTemplates held) {
        this.coupons = coupons;
        this.held = held;
    }

    /** The template's name when the brand has it and it is not archived; COUPON_NOT_FOUND or COUPON_ARCHIVED on {@code field}. */
    public Mono<String> requirePrize(long brandId, long templateId, String field) {
        return held.find(brandId, templateId)
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput(field, ErrorCode.COUPON_NOT_FOUND,
                        "优惠券不存在：" + templateId))))
                .flatMap(t -> t.archived() ? Mono.error(new BusinessException(UserError.onInput(field,
                        ErrorCode.COUPON_ARCHIVED, "优惠券「" + t.name() + "」已下架，不能作为奖品")))
                        : Mono.just(t.name()));
    }

    /**
     * Gives the member one coupon of the template as a prize (source LOTTERY), once per key; the
     * coupon's id. A refusal (sold out, over the member's limit, not obtainable now) is a BusinessException.
     */
    public Mono<Long> issuePrize(long brandId, long memberId, long templateId, String key) {
        return coupons.obtainAsPrize(brandId, memberId, templateId, key).map(MemberCoupon::id);
    }
}
