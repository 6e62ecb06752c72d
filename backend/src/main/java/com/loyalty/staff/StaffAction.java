package com.loyalty.staff;

import java.time.Instant;

/** One row of the staff audit trail, as an admin reads it. */
public record StaffAction(long id, Instant at, long staffId, String staffUsername, Long storeId, String action,
                          Long memberId, String detail) {
}
