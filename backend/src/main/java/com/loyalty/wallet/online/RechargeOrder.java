package com.loyalty.wallet.online;

import java.time.Instant;

/** A recharge a member started online; it counts (PAID, with its recharge) only after WeChat Pay's verified notification. */
public record RechargeOrder(long id, long brandId, long memberId, long storeId, long packageId, String outTradeNo, long amountCents,
                            String prepayId, Status status, Long rechargeId, Instant createdAt, Instant paidAt) {

    /** Waiting for the payment, or paid and booked. */
    public enum Status { PENDING, PAID }
}
