package com.loyalty.automation;

import java.time.Instant;
import java.time.LocalDate;

/** A member for store staff to call, why, and how the call went. */
public record FollowUpTask(long id, long storeId, long memberId, String reason, Status status, String note,
                           LocalDate dueOn, Instant createdAt, Instant updatedAt) {

    /** Where the call stands. */
    public enum Status { OPEN, NO_ANSWER, REACHED, DECLINED, DONE }
}
