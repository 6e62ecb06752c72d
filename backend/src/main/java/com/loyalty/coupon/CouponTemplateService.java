package com.loyalty.coupon;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreService;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creates coupon templates; a manager's templates are limited to their own store. */
@Service
class CouponTemplateService {

    /**
     * The largest amount a template may name (off, threshold, cap): 10 million yuan, as the till's
     * largest order (loyalty.purchase.max-amount-cents by default), so that no sum of them overflows.
     */
    static final long MAX_CENTS = 1_000_000_000L;
    /** Coupons valid for days after they are got: at most ten years (a longer one cannot be stored). */
    static final int MAX_VALID_DAYS = 3660;
    /** The most points a coupon may cost. */
    static final long MAX_POINTS_PRICE = 1_000_000_000L;

    private final CouponRepository coupons;
    private final StoreService stores;
    private final StaffAuditLog audit;
    private final Clock clock;

    CouponTemplateService(CouponRepository coupons, StoreService stores, StaffAuditLog audit, Clock clock) {
        this.coupons = coupons;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<CouponTemplate> create(Viewer staff, CreateCouponTemplateInput in) {
        BusinessException problem = problem(in);
        if (problem != null) {
            return Mono.error(problem);
        }
        CreateCouponTemplateInput scoped = in;
        if (staff.role() == Role.STORE_MANAGER) {
            if (in.storeIds() != null && !in.storeIds().equals(List.of(staff.storeId()))) {
                return Mono.error(new AccessDeniedException("a manager's coupons are for their own store"));
            }
            scoped = withStores(in, List.of(staff.storeId()));
        }
        CreateCouponTemplateInput checked = scoped;
        return Flux.fromIterable(checked.storeIds() == null ? List.<Long>of() : checked.storeIds())
                .concatMap(id -> stores.require(staff.brandId(), id, "storeIds"))
                .then(coupons.insertTemplate(staff.brandId(), checked, staff.id(), clock.instant()))
                .flatMap(t -> audit.record(staff, staff.storeId(), "CREATE_COUPON_TEMPLATE", null, t.id() + " " + t.name())
                        .thenReturn(t));
    }

    /** The first thing wrong with the input, or null. */
    private static BusinessException problem(CreateCouponTemplateInput in) {
        if (in.name() == null || in.name().isBlank() || in.name().strip().length() > 64) {
            return BusinessException.invalid("name", "券名称需为 1 到 64 个字符");
        }
        if (in.kind() == null) {
            return BusinessException.invalid("kind", "请选择券类型");
        }
        switch (in.kind()) {
            case AMOUNT_OFF -> {
                if (in.amountOffCents() == null || in.amountOffCents() <= 0) {
                    return BusinessException.invalid("amountOffCents", "满减券需填写减免金额");
                }
                if (in.thresholdCents() != null && in.thresholdCents() > 0 && in.thresholdCents() < in.amountOffCents()) {
                    return BusinessException.invalid("thresholdCents", "门槛不能低于减免金额");
                }
            }
            case PERCENT_OFF -> {
                if (in.percentOff() == null || in.percentOff() < 1 || in.percentOff() > 99) {
                    return BusinessException.invalid("percentOff", "折扣需为 1 到 99（表示减免的百分比）");
                }
            }
            case GIFT -> {
                if (in.giftName() == null || in.giftName().isBlank()) {
                    return BusinessException.invalid("giftName", "礼品券需填写礼品名称");
                }
            }
            case SHIPPING -> {
            }
        }
        // numbers that belong to another kind are still stored: each must be in range whatever the kind
        if (in.amountOffCents() != null && (in.amountOffCents() <= 0 || in.amountOffCents() > MAX_CENTS)) {
            return BusinessException.invalid("amountOffCents", "减免金额需大于 0 且不超过 " + MAX_CENTS / 100 + " 元");
        }
        if (in.thresholdCents() != null && (in.thresholdCents() < 0 || in.thresholdCents() > MAX_CENTS)) {
            return BusinessException.invalid("thresholdCents", "使用门槛需在 0 到 " + MAX_CENTS / 100 + " 元之间");
        }
        if (in.percentOff() != null && (in.percentOff() < 1 || in.percentOff() > 99)) {
            return BusinessException.invalid("percentOff", "折扣需为 1 到 99（表示减免的百分比）");
        }
        if (in.maxDiscountCents() != null && (in.maxDiscountCents() <= 0 || in.maxDiscountCents() > MAX_CENTS)) {
            return BusinessException.invalid("maxDiscountCents", "最高减免金额需大于 0 且不超过 " + MAX_CENTS / 100 + " 元");
        }
        if (in.minTierLevel() != null && in.minTierLevel() < 0) {
            return BusinessException.invalid("minTierLevel", "最低等级不能为负");
        }
        if ((in.validUntil() == null) == (in.validDays() == null)) {
            return BusinessException.invalid("validUntil", "有效期需二选一：固定截止时间，或领取后若干天");
        }
        if (in.validDays() != null && (in.validDays() <= 0 || in.validDays() > MAX_VALID_DAYS)) {
            return BusinessException.invalid("validDays", "有效天数需在 1 到 " + MAX_VALID_DAYS + " 之间");
        }
        if (in.validFrom() != null && in.validUntil() != null && !in.validFrom().isBefore(in.validUntil())) {
            return BusinessException.invalid("validFrom", "开始时间需早于截止时间");
        }
        if (in.totalStock() != null && in.totalStock() < 0) {
            return BusinessException.invalid("totalStock", "库存不能为负");
        }
        if (in.perMemberLimit() != null && in.perMemberLimit() < 1) {
            return BusinessException.invalid("perMemberLimit", "每人限领至少 1 张");
        }
        if (in.pointsPrice() != null && (in.pointsPrice() <= 0 || in.pointsPrice() > MAX_POINTS_PRICE)) {
            return BusinessException.invalid("pointsPrice", "兑换积分需在 1 到 " + MAX_POINTS_PRICE + " 之间");
        }
        return null;
    }

    private static CreateCouponTemplateInput withStores(CreateCouponTemplateInput in, List<Long> storeIds) {
        return new CreateCouponTemplateInput(in.name(), in.kind(), in.amountOffCents(), in.thresholdCents(),
                in.percentOff(), in.maxDiscountCents(), in.giftName(), in.validFrom(), in.validUntil(), in.validDays(),
                in.totalStock(), in.perMemberLimit(), in.minTierLevel(), storeIds, in.categories(), in.channel(),
                in.stackable(), in.claimable(), in.pointsPrice());
    }
}
