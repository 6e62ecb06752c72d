package com.loyalty.staff;

import java.time.Instant;

/**
 * One row of the staff audit trail, as an admin reads it; a change to an object names it
 * ({@code subject}, {@code subjectId}) with its state before and after as JSON.
 */
public record StaffAction(long id, Instant at, long staffId, String staffUsername, Long storeId, String action,
                          Long memberId, String detail, String subject, Long subjectId, String before,
                          String after) {
}
