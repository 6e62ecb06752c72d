package com.loyalty.audit;

import java.time.Instant;

/**
 * One entry of the staff audit trail; for a change to an object, its {@code subjectType} and
 * {@code subjectId} and its state {@code before} and {@code after} as JSON (otherwise null). Who
 * acted is a staff member ({@code staffId}) or a machine client of the brand ({@code clientId}).
 */
public record AuditEntry(long id, Instant at, Long staffId, Long clientId, Long storeId, String action, Long memberId,
                         String detail, String subjectType, Long subjectId, String before, String after) {
}
