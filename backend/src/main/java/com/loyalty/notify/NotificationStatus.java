package com.loyalty.notify;

/** Where a notification stands: waiting (maybe retrying), or done one way or another. */
public enum NotificationStatus {
    PENDING,
    SENT,
    /** Could not be sent: attempts used up, or a failure that retrying would not fix. */
    FAILED,
    /** Deliberately not sent, e.g. no consent left, no openid or phone, or the member refused. */
    SKIPPED
}
