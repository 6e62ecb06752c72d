package com.loyalty.points;

import java.time.Instant;

/** What a new ledger entry records besides its amount. */
public record NewEntry(
        long brandId,
        long memberId,
        EntryKind kind,
        Long purchaseId,
        Long refundId,
        Long storeId,
        Long staffId,
        String reason,
        String idempotencyKey,
        Instant at) {

    /** The same entry with another kind, e.g. the REDEEM beside a purchase's EARN. */
    public NewEntry withKind(EntryKind other) {
        return new NewEntry(brandId, memberId, other, purchaseId, refundId, storeId, staffId, reason, idempotencyKey, at);
    }
}
