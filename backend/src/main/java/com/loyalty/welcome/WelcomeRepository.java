package com.loyalty.welcome;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL for the welcomes given: one row per member, the key that makes a welcome happen once. */
@Repository
class WelcomeRepository {

    private final DatabaseClient db;

    WelcomeRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Claims the member's welcome; false when it was given already. */
    public Mono<Boolean> claim(long memberId, int rulesVersion, Long packId, Instant at) {
        return db.sql("""
                        insert into member_welcome (member_id, rules_version, pack_id, welcomed_at)
                        values (:m, :v, :p, :at) on conflict do nothing
                        """)
                .bind("m", memberId).bind("v", rulesVersion).bind("p", Parameter.fromOrEmpty(packId, Long.class))
                .bind("at", at)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** A welcome given and not seen yet: the pack it gave (null: none) and when. */
    record Unseen(Long packId, Instant welcomedAt) {
    }

    /** The member's welcome while they have not seen it; empty once seen or when there was none. */
    public Mono<Unseen> unseen(long memberId) {
        return db.sql("select pack_id, welcomed_at from member_welcome where member_id = :m and seen_at is null")
                .bind("m", memberId)
                .map(row -> new Unseen(row.get("pack_id", Long.class), row.get("welcomed_at", Instant.class)))
                .one();
    }

    /** Marks the member's welcome seen; false when it was seen already or there is none. */
    public Mono<Boolean> markSeen(long memberId, Instant at) {
        return db.sql("update member_welcome set seen_at = :at where member_id = :m and seen_at is null")
                .bind("m", memberId).bind("at", at)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Notes that the pack could not be given (out of stock, archived...): the message still goes. */
    public Mono<Void> packNotGiven(long memberId) {
        return db.sql("update member_welcome set pack_id = null where member_id = :m").bind("m", memberId).then();
    }
}
