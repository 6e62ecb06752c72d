package com.loyalty.points;

import java.time.Instant;

/** A row of the points ledger, as the member's history shows it. */
public record LedgerEntry(
        long id,
        long memberId,
        EntryKind kind,
        long delta,
        Long purchaseId,
        String orderNo,
        Long storeId,
        String reason,
        Instant expiresAt,
        Instant createdAt) {
}
