package com.loyalty.privacy;

import java.time.Instant;

/**
 * What a member agreed to, as staff see it: the privacy notice (which version, when) and marketing;
 * the notify module adds the subscribe-message consents left.
 */
public record MemberConsents(
        long memberId,
        int currentNoticeVersion,
        Integer acceptedNoticeVersion,
        Instant acceptedAt,
        boolean marketing,
        Instant marketingUpdatedAt) {

    public boolean noticeAccepted() {
        return acceptedNoticeVersion != null && acceptedNoticeVersion >= currentNoticeVersion;
    }
}
