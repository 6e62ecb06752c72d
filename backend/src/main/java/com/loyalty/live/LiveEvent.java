package com.loyalty.live;

import java.time.Instant;

/**
 * Something a member's open mini-program should show at once: their points moved, or their
 * member code was scanned at a till. Travels between instances as JSON over Redis pub/sub.
 */
public record LiveEvent(Type type, long memberId, Instant at, PointsChange points, CodeScan scan) {

    /** Which kind of event. */
    public enum Type { POINTS_CHANGED, MEMBER_CODE_SCANNED }

    /** The new balance and what moved it. */
    public record PointsChange(long balance, long delta, String kind, String reason, Instant at) {
    }

    /** Where the member's code was scanned. */
    public record CodeScan(Long storeId, String storeName, Instant at) {
    }
}
