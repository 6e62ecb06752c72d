package com.loyalty.memberevent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A store's member event as stored: its terms now ({@code version} grows at every change), the
 * status set by hand and the places taken. {@link #status} adds FINISHED once the end has passed.
 */
public record MemberEvent(long id, long brandId, long storeId, String title, String description, String pictureUrl,
                          Instant startsAt, Instant endsAt, int capacity, Integer minTierLevel, List<Long> tagIds,
                          Instant signUpOpensAt, Instant signUpClosesAt, long points, Instant cancelDeadline,
                          MemberEventStatus storedStatus, int version, int placesTaken, Long createdBy,
                          Instant createdAt, Instant updatedAt, Instant cancelledAt, String cancelReason) {

    /** How long before the start staff may check members in at the door. */
    static final Duration DOORS_OPEN = Duration.ofHours(1);

    /** Where the event stands at {@code now}: a published or paused event is FINISHED once its end has passed. */
    public MemberEventStatus status(Instant now) {
        boolean running = storedStatus == MemberEventStatus.PUBLISHED || storedStatus == MemberEventStatus.PAUSED;
        return running && !now.isBefore(endsAt) ? MemberEventStatus.FINISHED : storedStatus;
    }

    /** Places still free (never below zero, also when a lower capacity left more taken). */
    public int placesLeft() {
        return Math.max(0, capacity - placesTaken);
    }

    /** Whether a member may sign up at {@code now}: published and inside the sign-up window. */
    public boolean signUpOpen(Instant now) {
        return status(now) == MemberEventStatus.PUBLISHED && !now.isBefore(signUpOpensAt) && now.isBefore(signUpClosesAt);
    }

    /** Whether staff may check members in at {@code now}: from an hour before the start to the end, not cancelled. */
    public boolean doorsOpen(Instant now) {
        MemberEventStatus status = status(now);
        return (status == MemberEventStatus.PUBLISHED || status == MemberEventStatus.PAUSED)
                && !now.isBefore(startsAt.minus(DOORS_OPEN)) && now.isBefore(endsAt);
    }

    /** Whether its terms may still change or its life cycle move: not cancelled and not finished. */
    public boolean live(Instant now) {
        MemberEventStatus status = status(now);
        return status != MemberEventStatus.CANCELLED && status != MemberEventStatus.FINISHED;
    }
}
