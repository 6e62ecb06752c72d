package com.loyalty.automation;

/** GraphQL input of {@code updateFollowUpTask}: the call's outcome and an optional note. */
public record UpdateFollowUpTaskInput(long taskId, FollowUpTask.Status status, String note) {
}
