package com.loyalty.memberevent;

/** An event's numbers: places held (attended included), waiting, cancelled, attended, no-shows and points given. */
public record MemberEventStats(int signedUp, int waiting, int cancelled, int attended, int noShows, long pointsAwarded) {

    static final MemberEventStats NONE = new MemberEventStats(0, 0, 0, 0, 0, 0);
}
