package com.loyalty.staff;

import java.time.Instant;

/**
 * One row of the staff audit trail, as an admin reads it; a change to an object names it
 * ({@code subject}, {@code subjectId}) with its state before and after as JSON. Who acted is a staff
 * member ({@code staffId}, {@code staffUsername}), a machine client ({@code clientId}, {@code clientName})
 * or the system itself on a schedule ({@code bySystem}).
 */
public record StaffAction(long id, Instant at, Long staffId, String staffUsername, Long clientId, String clientName,
                          boolean bySystem, Long storeId, String action,
                          Long memberId, String detail, String subject, Long subjectId, String before,
                          String after) {
}
