package com.loyalty.audit;

import java.time.Instant;

/**
 * One entry of the staff audit trail; for a change to an object, its {@code subjectType} and
 * {@code subjectId} and its state {@code before} and {@code after} as JSON (otherwise null). Who
 * acted is a staff member ({@code staffId}), a machine client of the brand ({@code clientId}), or the
 * system itself on a schedule ({@code bySystem}, e.g. a lottery ended when its end time passed).
 */
public record AuditEntry(long id, Instant at, Long staffId, Long clientId, boolean bySystem, Long storeId, String action,
                         Long memberId,
                         String detail, String subjectType, Long subjectId, String before, String after) {
}
