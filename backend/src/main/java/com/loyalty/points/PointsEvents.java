package com.loyalty.points;

import reactor.core.publisher.Mono;

/** Other features' reactions to points moving (leaderboards), run in the same flow as the ledger write. */
public interface PointsEvents {

    /** An entry that counts as points earned ({@link EntryKind#countsAsEarned()}) was written. */
    Mono<Void> pointsEarned(NewEntry entry, long delta);
}
