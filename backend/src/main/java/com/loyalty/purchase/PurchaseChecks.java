package com.loyalty.purchase;

import com.loyalty.points.PointsService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The checks of a {@code recordPurchase} input before anything is read or written: the order number,
 * amounts and lines in range, points that pay whole cents, a time in the import window, and the
 * member present (their code or a till proof) for whatever spends their points, coupons or stored value.
 */
@Component
class PurchaseChecks {

    private final PurchaseProperties limits;
    private final PointsService points;
    private final Clock clock;

    PurchaseChecks(PurchaseProperties limits, PointsService points, Clock clock) {
        this.limits = limits;
        this.points = points;
        this.clock = clock;
    }

    void check(RecordPurchaseInput in) {
        if (in.orderNo() == null || in.orderNo().isBlank() || in.orderNo().length() > 64) {
            throw BusinessException.invalid("orderNo", "订单号需为 1 到 64 个字符");
        }
        if (in.memberCodeToken() != null && (in.memberId() != null || in.tillProof() != null)) {
            throw BusinessException.invalid("memberCodeToken", "请扫描会员码或指定会员（二选一）");
        }
        if (in.guest()) {
            GuestPurchases.check(in);
        }
        if (in.amountCents() == null || in.amountCents() <= 0 || !limits.amountInRange(in.amountCents())) {
            throw BusinessException.invalid("amountCents", "订单金额需大于 0 且不超过 " + yuan(limits.maxAmountCents()) + " 元");
        }
        long redeem = in.pointsToRedeem() == null ? 0 : in.pointsToRedeem();
        // points pay at the value of the rules in force when the order happened
        Instant at = in.occurredAt() == null || !limits.inImportWindow(in.occurredAt(), clock.instant())
                ? clock.instant() : in.occurredAt();
        if (redeem < 0 || redeem > limits.maxPoints() || !points.redeemable(redeem, at)
                || points.centsFor(redeem, at) > in.amountCents()) {
            throw BusinessException.invalid("pointsToRedeem", "抵扣积分需为非负、可折算为整分，且不超过订单金额");
        }
        if (in.walletAmountCents() != null && !limits.amountInRange(in.walletAmountCents())) {
            throw BusinessException.invalid("walletAmountCents", "储值支付金额需在 0 到 " + yuan(limits.maxAmountCents()) + " 元之间");
        }
        Instant now = clock.instant();
        if (in.occurredAt() != null && !limits.inImportWindow(in.occurredAt(), now)) {
            throw BusinessException.invalid("occurredAt", in.occurredAt().isAfter(now) ? "下单时间不能晚于当前时间"
                    : "下单时间只能补录最近 " + limits.importBack().toDays() + " 天内的订单");
        }
        checkItems(in);
        String spends = in.spendingField();
        if (spends != null && in.memberCodeToken() == null && in.tillProof() == null) {
            throw new BusinessException(UserError.onInput(spends, ErrorCode.MEMBER_PROOF_REQUIRED,
                    "使用积分、优惠券或储值需会员在场：请扫描会员的动态会员码"));
        }
    }

    /** Lines, when given, are bounded and add up to the order's amount. */
    private void checkItems(RecordPurchaseInput in) {
        if (in.itemList().size() > limits.maxItems()) {
            throw BusinessException.invalid("items", "一笔订单最多 " + limits.maxItems() + " 行商品");
        }
        long total = 0;
        for (PurchaseItemInput item : in.itemList()) {
            if (item.sku() == null || item.sku().isBlank() || item.name() == null || item.name().isBlank()
                    || item.quantity() == null || item.quantity() <= 0 || item.quantity() > limits.maxQuantity()
                    || item.unitPriceCents() == null || !limits.amountInRange(item.unitPriceCents())) {
                throw BusinessException.invalid("items", "商品需有 SKU、名称、1 到 " + limits.maxQuantity()
                        + " 的数量和不超过 " + yuan(limits.maxAmountCents()) + " 元的非负单价");
            }
            total += item.quantity() * item.unitPriceCents();
        }
        if (!in.itemList().isEmpty() && total != in.amountCents()) {
            throw BusinessException.invalid("items", "商品合计 " + total + " 分，与订单金额 " + in.amountCents() + " 分不一致");
        }
    }

    private static String yuan(long cents) {
        return String.valueOf(cents / 100);
    }
}
