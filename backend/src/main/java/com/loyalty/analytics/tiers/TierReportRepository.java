package com.loyalty.analytics.tiers;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.shared.ScopedMembers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** SQL behind the tier report: members per level now, level changes over time, review moves per month. */
@Repository
class TierReportRepository {

    private final DatabaseClient db;

    public TierReportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Members at a level now (a member with no tier row is at level 0). */
    public record LevelCount(int level, long members) {
    }

    public Flux<LevelCount> now(AnalyticsScope scope) {
        return db.sql("""
                        select coalesce(t.level, 0) as level, count(*) as n from member m
                        left join member_tier t on t.member_id = m.id
                        where %s group by 1
                        """.formatted(ScopedMembers.CONDITION))
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .map(row -> new LevelCount(row.get("level", Integer.class), row.get("n", Long.class))).all();
    }

    /** How many members a level gained (or lost) on a business day; day null: all before {@code from}. */
    public record LevelDelta(LocalDate day, int level, long delta) {
    }

    /**
     * Level changes before {@code to}: each registration adds a member at level 0, each recorded
     * tier change moves one from its old level to its new one.
     */
    public Flux<LevelDelta> deltas(AnalyticsScope scope, Instant from, Instant to, ZoneId zone) {
        return db.sql("""
                        with scoped as (select m.id, m.registered_at from member m where %s),
                        changes as (
                            select c.created_at, c.from_level, c.to_level from tier_change c
                            join scoped s on s.id = c.member_id where c.created_at < :to
                        ),
                        events as (
                            select registered_at as at, 0 as level, 1 as delta from scoped where registered_at < :to
                            union all select created_at, from_level, -1 from changes
                            union all select created_at, to_level, 1 from changes
                        )
                        select case when at < :from then null else (at at time zone :zone)::date end as day,
                               level, sum(delta)::bigint as delta
                        from events group by 1, 2
                        """.formatted(ScopedMembers.CONDITION))
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .bind("from", from).bind("to", to).bind("zone", zone.getId())
                .map(row -> new LevelDelta(row.get("day", LocalDate.class), row.get("level", Integer.class),
                        row.get("delta", Long.class)))
                .all();
    }

    /** Per month from {@code first} to {@code last}: reviewed members, review up/downgrades, instant upgrades. */
    public Flux<TierReportMonth> moves(AnalyticsScope scope, YearMonth first, YearMonth last, ZoneId zone) {
        return db.sql("""
                        with scoped as (select m.id from member m where %s),
                        changes as (
                            select coalesce(c.review_month,
                                            date_trunc('month', c.created_at at time zone :zone)::date) as month,
                                   c.review_month is not null as reviewed, c.from_level, c.to_level
                            from tier_change c join scoped s on s.id = c.member_id
                        ),
                        moved as (
                            select month,
                                   count(*) filter (where reviewed and to_level > from_level) as review_up,
                                   count(*) filter (where reviewed and to_level < from_level) as review_down,
                                   count(*) filter (where not reviewed and to_level > from_level) as instant_up
                            from changes where month between :first and :last group by month
                        ),
                        reviews as (
                            select r.review_month as month, count(*) as reviewed from tier_review r
                            join scoped s on s.id = r.member_id
                            where r.review_month between :first and :last group by r.review_month
                        )
                        select coalesce(m.month, r.month) as month, coalesce(r.reviewed, 0) as reviewed,
                               coalesce(m.review_up, 0) as review_up, coalesce(m.review_down, 0) as review_down,
                               coalesce(m.instant_up, 0) as instant_up
                        from moved m full join reviews r on r.month = m.month
                        """.formatted(ScopedMembers.CONDITION))
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .bind("first", first.atDay(1)).bind("last", last.atDay(1)).bind("zone", zone.getId())
                .map(row -> new TierReportMonth(YearMonth.from(row.get("month", LocalDate.class)),
                        row.get("reviewed", Long.class), row.get("review_up", Long.class),
                        row.get("review_down", Long.class), row.get("instant_up", Long.class)))
                .all();
    }
}
