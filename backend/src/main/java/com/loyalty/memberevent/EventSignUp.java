package com.loyalty.memberevent;

import java.time.Instant;

/**
 * A member's sign-up for an event: a place (CONFIRMED), a waiting one (its {@code waitingPosition},
 * 1 for the first) or CANCELLED, with the terms it was made under (points, cancellation deadline,
 * event version) and, once checked in at the door, the attendance and the points it gave.
 */
public record EventSignUp(long id, long eventId, long memberId, Status status, long queueNo, Integer waitingPosition,
                          long points, Instant cancelDeadline, int eventVersion, Instant signedUpAt,
                          Instant confirmedAt, Instant cancelledAt, Instant attendedAt, Long checkedInBy,
                          Long pointsAwarded) {

    public enum Status { CONFIRMED, WAITING, CANCELLED }

    public boolean attended() {
        return attendedAt != null;
    }
}
