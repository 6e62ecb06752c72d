package com.loyalty.analytics.points;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.rollup.EconomyRollupSql;
import com.loyalty.analytics.shared.ScopedMembers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL behind the points economy: points moved per day and kind, what members hold, what is about to expire. */
@Repository
class PointsEconomyRepository {

    private static final String FLOWS = EconomyRollupSql.read("analytics_points_daily",
            "day, store_id, kind, credited, debited", EconomyRollupSql.POINTS_BY_DAY,
            "day, kind, sum(credited)::bigint as credited, sum(debited)::bigint as debited", "group by day, kind");

    private final DatabaseClient db;

    public PointsEconomyRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Points a ledger kind added and took away on one business day. */
    public record KindDay(LocalDate day, String kind, long credited, long debited) {
    }

    /** Per day and kind from {@code from} to {@code to}: rolled-up days from the rollup, the rest (today) raw. */
    public Flux<KindDay> flows(AnalyticsScope scope, LocalDate from, LocalDate to, LocalDate today, ZoneId zone) {
        return db.sql(FLOWS)
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope)).bind("from", from).bind("to", to)
                .bind("today", today).bind("zone", zone.getId())
                .map(row -> new KindDay(row.get("day", LocalDate.class), row.get("kind", String.class),
                        row.get("credited", Long.class), row.get("debited", Long.class)))
                .all();
    }

    /** Points the members in scope hold and can spend: the sum of positive balances. */
    public Mono<Long> liability(AnalyticsScope scope) {
        return db.sql("""
                        select coalesce(sum(p.balance), 0)::bigint as points from member_points p
                        join member m on m.id = p.member_id where %s and p.balance > 0
                        """.formatted(ScopedMembers.CONDITION))
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .map(row -> row.get("points", Long.class)).one();
    }

    /**
     * Points left in the scope's buckets expiring after {@code now} and at the latest {@code until[i]}, for
     * each i (in that order): per member in scope, its open buckets of the window from the index points_grant_open (member,
     * expiry, remaining), whatever the window's bounds, so a prepared plan stays as fast as a fresh one.
     */
    public Mono<List<Long>> expiring(AnalyticsScope scope, Instant now, Instant[] until) {
        return db.sql("""
                        select coalesce(sum(g.e0), 0)::bigint as e0, coalesce(sum(g.e1), 0)::bigint as e1,
                               coalesce(sum(g.e2), 0)::bigint as e2
                        from member m cross join lateral (
                            select sum(remaining) filter (where expires_at <= :u0) as e0,
                                   sum(remaining) filter (where expires_at <= :u1) as e1, sum(remaining) as e2
                            from points_grant
                            where member_id = m.id and remaining > 0 and expires_at > :now and expires_at <= :u2
                        ) g
                        where %s
                        """.formatted(ScopedMembers.CONDITION))
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope)).bind("now", now)
                .bind("u0", until[0]).bind("u1", until[1]).bind("u2", until[2])
                .map(row -> List.of(row.get("e0", Long.class), row.get("e1", Long.class),
                        row.get("e2", Long.class)))
                .one();
    }
}
