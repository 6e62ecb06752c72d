package com.loyalty.purchase;

import com.loyalty.coupon.CouponRedemption;
import com.loyalty.coupon.ReturnedCoupons;
import com.loyalty.points.EntryKind;
import com.loyalty.points.NewEntry;
import com.loyalty.points.PointsService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreScope;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Refunds purchases, in parts if need be. Each refund takes back the earned points and gives
 * back the redeemed points in proportion to the refunded amount, counted on the running total
 * so that refunds adding up to the whole order move exactly all of them. Reversing points the
 * member already spent leaves a debt that later earnings pay off first. A refund of the whole
 * order gives back its coupons that are still valid; the others stay used, and the refund says so.
 * A guest (non-member) order has no points or coupons: its refund only records the money.
 */
@Service
class RefundService {

    private final PurchaseRepository purchases;
    private final PointsService points;
    private final StoreScope storeScope;
    private final StaffAuditLog audit;
    private final Clock clock;
    private final CouponRedemption coupons;
    private final TransactionalOperator tx;
    private final PurchaseExtensions extensions;
    private final PurchaseProperties limits;

    RefundService(PurchaseRepository purchases, PointsService points, StoreScope storeScope,
                  StaffAuditLog audit, Clock clock, CouponRedemption coupons,
                  PurchaseExtensions extensions, TransactionalOperator tx, PurchaseProperties limits) {
        this.extensions = extensions;
        this.limits = limits;
        this.purchases = purchases;
        this.points = points;
        this.storeScope = storeScope;
        this.audit = audit;
        this.clock = clock;
        this.coupons = coupons;
        this.tx = tx;
    }

    public Mono<RefundPurchasePayload> refund(Viewer staff, RefundPurchaseInput in) {
        if (in.refundNo() == null || in.refundNo().isBlank() || in.refundNo().length() > 64) {
            return Mono.error(BusinessException.invalid("refundNo", "退款单号需为 1 到 64 个字符"));
        }
        if (in.amountCents() == null || in.amountCents() <= 0 || !limits.amountInRange(in.amountCents())) {
            return Mono.error(BusinessException.invalid("amountCents", "退款金额需大于 0 且不超过 "
                    + limits.maxAmountCents() / 100 + " 元"));
        }
        return storeScope.refundStoreFor(staff, in.storeId())
                .flatMap(storeId -> purchases.findByOrder(storeId, in.orderNo()))
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("orderNo",
                        ErrorCode.ORDER_NOT_FOUND, "本店没有这个订单"))))
                .flatMap(found -> (found.guest() ? purchases.lock(found.id()) : points.lock(found.memberId()).then())
                        .then(purchases.findRefund(found.id(), in.refundNo()))
                        .flatMap(existing -> purchases.findByOrder(found.storeId(), found.orderNo())
                                .map(p -> RefundPurchasePayload.of(existing, p, true)))
                        .switchIfEmpty(Mono.defer(() -> purchases.findByOrder(found.storeId(), found.orderNo())
                                .flatMap(current -> refundNew(staff, current, in))))
                        .as(tx::transactional));
    }

    /**
     * What one refund moves: its share of the order's counter payment ({@code cashCents}), of the
     * points the order earned ({@code pointsReversed}) and of the points it redeemed
     * ({@code pointsReturned}), each counted on the running total less what earlier refunds moved.
     */
    private record RefundShares(long cashCents, long pointsReversed, long pointsReturned) {

        static RefundShares of(Purchase purchase, long refundedAfter, PurchaseRepository.RefundedPoints before,
                               long paidOtherwise) {
            // the counter's share of the order (not points, coupons or stored value), handed back in proportion
            long counterPaid = purchase.paidCents() - paidOtherwise;
            long cash = proportion(counterPaid, refundedAfter, purchase.amountCents())
                    - proportion(counterPaid, purchase.refundedCents(), purchase.amountCents());
            long reverse = proportion(purchase.pointsEarned(), refundedAfter, purchase.amountCents()) - before.reversed();
            long giveBack = proportion(purchase.pointsRedeemed(), refundedAfter, purchase.amountCents()) - before.returned();
            return new RefundShares(cash, reverse, giveBack);
        }
    }

    private Mono<RefundPurchasePayload> refundNew(Viewer staff, Purchase purchase, RefundPurchaseInput in) {
        long left = purchase.amountCents() - purchase.refundedCents();
        if (in.amountCents() > left) {
            return Mono.error(new BusinessException(UserError.onInput("amountCents", ErrorCode.REFUND_EXCEEDS_ORDER,
                    "退款金额超过订单可退金额（剩余 " + left + " 分）")));
        }
        long refundedAfter = purchase.refundedCents() + in.amountCents();
        Instant now = clock.instant();
        if (purchase.guest()) {
            return purchases.insertRefund(purchase.id(), in.refundNo(), in.amountCents(), 0, 0, 0, 0,
                            in.amountCents(), staff.staffId(), staff.clientId(), now)
                    .flatMap(refund -> finish(staff, purchase, refund, in));
        }
        return Mono.zip(purchases.refundedPoints(purchase.id()), extensions.paidOtherwise(purchase),
                        (before, paidOtherwise) -> RefundShares.of(purchase, refundedAfter, before, paidOtherwise))
                .flatMap(shares -> {
                    // the refund that completes the order gives back its coupons still valid
                    Mono<ReturnedCoupons> couponsBack = refundedAfter == purchase.amountCents()
                            ? coupons.returnFor(purchase.id(), now) : Mono.just(ReturnedCoupons.NONE);
                    return couponsBack.flatMap(back -> purchases.insertRefund(purchase.id(), in.refundNo(),
                                    in.amountCents(), shares.pointsReversed(), shares.pointsReturned(), back.returned(),
                                    back.kept(), shares.cashCents(), staff.staffId(), staff.clientId(), now))
                            .flatMap(refund -> {
                                NewEntry entry = new NewEntry(purchase.brandId(), purchase.memberId(),
                                        EntryKind.REFUND_REVERSE, purchase.id(), refund.id(), purchase.storeId(),
                                        staff.staffId(), in.refundNo(), null, now);
                                return reversePoints(entry, shares.pointsReversed())
                                        .then(returnPoints(entry.withKind(EntryKind.REFUND_RETURN),
                                                shares.pointsReturned()))
                                        .then(finish(staff, purchase, refund, in));
                            });
                });
    }

    /**
     * Takes back points the refunded share earned, from the purchase's own grant first; what the
     * member already spent becomes a debt.
     */
    private Mono<Void> reversePoints(NewEntry entry, long reverse) {
        return reverse > 0
                ? points.earnGrantOf(entry.purchaseId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(grant -> points.debit(entry, reverse, grant.orElse(null), true)).then()
                : Mono.empty();
    }

    /** Gives back the points the refunded share paid, in a new grant. */
    private Mono<Void> returnPoints(NewEntry entry, long giveBack) {
        return giveBack > 0 ? points.credit(entry, giveBack, points.expiryFor(entry.at())).then() : Mono.empty();
    }

    /** Adds the refund to the order, audits it and tells the other features. */
    private Mono<RefundPurchasePayload> finish(Viewer staff, Purchase purchase, Refund refund, RefundPurchaseInput in) {
        return purchases.addRefunded(purchase.id(), in.amountCents())
                .flatMap(updated -> audit.record(staff, purchase.storeId(), "REFUND_PURCHASE", purchase.memberId(),
                                purchase.orderNo() + " " + in.refundNo() + " " + in.amountCents() + " cents")
                        .then(extensions.purchaseRefunded(updated, refund))
                        .thenReturn(RefundPurchasePayload.of(refund, updated, false)));
    }

    /** floor(points x part / whole), exact for any size of order. */
    static long proportion(long points, long part, long whole) {
        return java.math.BigInteger.valueOf(points).multiply(java.math.BigInteger.valueOf(part))
                .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
    }
}
