package com.loyalty.privacy;

import java.time.Instant;

/** What the member agreed to: the privacy notice (which version, when), marketing, and any pending closure. */
public record Consents(
        int currentNoticeVersion,
        Integer acceptedNoticeVersion,
        Instant acceptedAt,
        boolean marketing,
        Instant marketingUpdatedAt,
        Instant closesAt) {

    /** Whether the member accepted the notice now in force (the mini-program asks again otherwise). */
    public boolean noticeAccepted() {
        return acceptedNoticeVersion != null && acceptedNoticeVersion >= currentNoticeVersion;
    }
}
