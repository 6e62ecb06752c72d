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

    public static NewEntry of(long brandId, long memberId, EntryKind kind, Instant at) {
        return new NewEntry(brandId, memberId, kind, null, null, null, null, null, null, at);
    }

    public NewEntry forPurchase(Long purchaseId, Long refundId, Long storeId, Long staffId) {
        return new NewEntry(brandId, memberId, kind, purchaseId, refundId, storeId, staffId, reason, idempotencyKey, at);
    }

    public NewEntry because(String why, Long staff, Long store, String key) {
        return new NewEntry(brandId, memberId, kind, purchaseId, refundId, store, staff, why, key, at);
    }
}
