package com.loyalty.points;

import reactor.core.publisher.Mono;

/**
 * Other features' reactions to points moving (leaderboards, live updates), run in the same flow
 * as the ledger write; implementations that touch the outside world wait for the commit.
 */
public interface PointsEvents {

    /** An entry that counts as points earned ({@link EntryKind#countsAsEarned()}) was written. */
    default Mono<Void> pointsEarned(NewEntry entry, long delta) {
        return Mono.empty();
    }

    /** Any entry was written; {@code balance} is the member's balance after it. */
    default Mono<Void> pointsChanged(NewEntry entry, long delta, long balance) {
        return Mono.empty();
    }
}
