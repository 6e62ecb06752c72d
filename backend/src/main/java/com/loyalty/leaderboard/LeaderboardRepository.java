package com.loyalty.leaderboard;

import com.loyalty.points.EntryKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The Postgres truth behind the boards, for rebuilding them. */
@Repository
class LeaderboardRepository {

    /** Ledger kinds that count as points earned on boards. */
    private static final String[] EARNED_KINDS = Arrays.stream(EntryKind.values())
            .filter(EntryKind::countsAsEarned).map(Enum::name).toArray(String[]::new);

    private final DatabaseClient db;

    LeaderboardRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A member's score on one store (null: no store) in a period. */
    public record Score(long memberId, Long storeId, long score) {
    }

    public Flux<Score> pointsEarned(long brandId, Instant from, Instant to) {
        return db.sql("""
                        select member_id, store_id, sum(delta)::bigint as score from points_ledger
                        where brand_id = :brandId and kind = any(:kinds) and created_at >= :from and created_at < :to
                          and member_id not in (select id from member where brand_id = :brandId and closed_at is not null)
                        group by member_id, store_id
                        """)
                .bind("brandId", brandId).bind("kinds", EARNED_KINDS).bind("from", from).bind("to", to)
                .map(row -> new Score(row.get("member_id", Long.class), row.get("store_id", Long.class),
                        row.get("score", Long.class)))
                .all();
    }

    public Flux<Score> streaks(long brandId, LocalDate from, LocalDate toExclusive) {
        return db.sql("""
                        select c.member_id, m.registration_store_id as store_id, max(c.streak)::bigint as score
                        from checkin c join member m on m.id = c.member_id
                        where m.brand_id = :brandId and c.day >= :from and c.day < :to and m.closed_at is null
                        group by c.member_id, m.registration_store_id
                        """)
                .bind("brandId", brandId).bind("from", from).bind("to", toExclusive)
                .map(row -> new Score(row.get("member_id", Long.class), row.get("store_id", Long.class),
                        row.get("score", Long.class)))
                .all();
    }

    public Flux<Long> storeIds(long brandId) {
        return db.sql("select id from store where brand_id = :brandId").bind("brandId", brandId)
                .map(row -> row.get("id", Long.class)).all();
    }
}
