package com.loyalty.audit;

import java.time.Instant;

/**
 * One entry of the staff audit trail; for a change to an object, its {@code subjectType} and
 * {@code subjectId} and its state {@code before} and {@code after} as JSON (otherwise null).
 */
public record AuditEntry(long id, Instant at, long staffId, Long storeId, String action, Long memberId,
                         String detail, String subjectType, Long subjectId, String before, String after) {
}
