package com.loyalty.audit;

import java.time.Instant;

/** One entry of the staff audit trail. */
public record AuditEntry(long id, Instant at, long staffId, Long storeId, String action, Long memberId,
                         String detail) {
}
