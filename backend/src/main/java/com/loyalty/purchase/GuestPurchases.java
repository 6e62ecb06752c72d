package com.loyalty.purchase;

import com.loyalty.points.Earning;
import com.loyalty.shared.config.BrandProperties;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records orders of walk-in customers who are not members (非会员): no points earned or paid, no
 * coupons, no tier; only the order, so member and non-member sales can be compared.
 */
@Component
class GuestPurchases {

    private static final Earning NOTHING = new Earning(0, List.of(), null);

    private final PurchaseRepository purchases;
    private final StaffAuditLog audit;
    private final BrandProperties brand;
    private final Clock clock;
    private final PurchaseExtensions extensions;
    private final TransactionalOperator tx;

    GuestPurchases(PurchaseRepository purchases, StaffAuditLog audit, BrandProperties brand, Clock clock,
                   PurchaseExtensions extensions, TransactionalOperator tx) {
        this.purchases = purchases;
        this.audit = audit;
        this.brand = brand;
        this.clock = clock;
        this.extensions = extensions;
        this.tx = tx;
    }

    /** Fails on what only members can do: paying with points or redeeming coupons. */
    static void check(RecordPurchaseInput in) {
        if (in.pointsToRedeem() != null && in.pointsToRedeem() != 0) {
            throw BusinessException.invalid("pointsToRedeem", "非会员订单不能用积分抵扣，请先扫描会员码");
        }
        if (in.couponIds() != null && !in.couponIds().isEmpty()) {
            throw BusinessException.invalid("couponIds", "非会员订单不能使用优惠券，请先扫描会员码");
        }
        if (in.walletAmountCents() != null && in.walletAmountCents() != 0) {
            throw BusinessException.invalid("walletAmountCents", "非会员订单不能使用储值卡，请先扫描会员码");
        }
    }

    /** Records the order unless the store already has it (then the first one comes back, replayed). */
    Mono<RecordPurchasePayload> record(Viewer staff, long storeId, RecordPurchaseInput in) {
        Instant occurredAt = in.occurredAt() == null ? clock.instant() : in.occurredAt();
        Purchase.Channel channel = in.channel() == null ? Purchase.Channel.STORE : in.channel();
        return purchases.insertIfAbsent(brand.id(), storeId, null, in, channel, 0, 0, 0, 0, occurredAt, staff.staffId(),
                        staff.clientId(), NOTHING)
                .flatMap(purchase -> audit.record(staff, storeId, "RECORD_GUEST_PURCHASE", null,
                                in.orderNo() + " " + in.amountCents() + " cents")
                        .then(extensions.guestPurchaseRecorded(purchase))
                        .thenReturn(RecordPurchasePayload.of(purchase, false)))
                // a concurrent request recorded the order first
                .switchIfEmpty(Mono.defer(() -> purchases.findByOrder(storeId, in.orderNo())
                        .map(existing -> RecordPurchasePayload.of(existing, true))))
                .as(tx::transactional);
    }
}
