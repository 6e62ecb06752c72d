package com.loyalty.analytics.health;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.shared.ScopedMembers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * SQL behind the monthly health check: each query counts, for the members in scope and the month
 * [start, end), the base of a rate and the members who meet it ({@link Count}). Orders refunded in
 * full do not count as purchases.
 */
@Repository
class HealthCheckRepository {

    private static final String BOUGHT = """
            exists (select 1 from purchase p where p.member_id = %s and p.refunded_cents < p.amount_cents
                    and p.occurred_at >= %s and p.occurred_at < %s)""";

    /** Of the members in {@code spend (member_id, spend)}: the top fifth by spend, ties sharing the better place. */
    private static final String TOP_FIFTH = """
            ranked as (select member_id, rank() over (order by spend desc) as r, count(*) over () as n from spend),
            top as (select member_id from ranked where (r - 1) * 5 < n)""";

    private final DatabaseClient db;

    public HealthCheckRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The base of a rate and how many of it meet the rate. */
    record Count(long members, long base) {
    }

    /** Members who registered in the month, and those of them who bought in it. */
    public Mono<Count> newMemberConversion(AnalyticsScope scope, Instant start, Instant end) {
        return counts(db.sql("""
                        select count(*) filter (where %s) as members, count(*) as base
                        from member m where %s and m.registered_at >= :start and m.registered_at < :end
                        """.formatted(BOUGHT.formatted("m.id", ":start", ":end"), ScopedMembers.CONDITION)),
                scope, start, end);
    }

    /**
     * The top fifth by spend (amount less refunds) of the members who bought in the month before
     * (ties share the better place, as RFM scores), and those of them who bought again in the month.
     */
    public Mono<Count> highValueRetention(AnalyticsScope scope, Instant before, Instant start, Instant end) {
        return counts(db.sql("""
                        with spend as (
                            select p.member_id, sum(p.amount_cents - p.refunded_cents) as spend
                            from purchase p join member m on m.id = p.member_id
                            where %s and p.refunded_cents < p.amount_cents
                              and p.occurred_at >= :before and p.occurred_at < :start
                            group by p.member_id
                        ),
                        %s
                        select count(*) filter (where %s) as members, count(*) as base from top
                        """.formatted(ScopedMembers.CONDITION, TOP_FIFTH,
                        BOUGHT.formatted("top.member_id", ":start", ":end")))
                .bind("before", before), scope, start, end);
    }

    /**
     * The same as {@link #highValueRetention} for two months (first days) read from the member x
     * month rollup (both must be rolled up and not stale): spend and orders per member and month.
     */
    public Mono<Count> highValueRetention(AnalyticsScope scope, LocalDate monthBefore, LocalDate month) {
        return counts(db.sql("""
                        with spend as (
                            select mm.member_id, mm.sales_cents as spend
                            from analytics_member_month mm join member m on m.id = mm.member_id
                            where mm.brand_id = :b and mm.all_stores and mm.month = :before and mm.orders >= 1 and %s
                        ),
                        %s
                        select count(*) filter (where top.member_id in (
                                   select member_id from analytics_member_month
                                   where brand_id = :b and all_stores and month = :month and orders >= 1)) as members,
                               count(*) as base
                        from top
                        """.formatted(ScopedMembers.CONDITION, TOP_FIFTH))
                .bind("before", monthBefore).bind("month", month), scope);
    }

    /**
     * Members holding points in the month (a positive balance when it began, or points received in
     * it), and those of them who spent points in it (at the till, for coupons, for make-up check-ins).
     * The balance when it began is today's balance (member_points, the sum of the ledger) less what
     * moved since: from the points month rollup for {@code rolledUp} (months from this one on,
     * first days), from the ledger from {@code rawFrom} on (the start of the first month not rolled up).
     */
    public Mono<Count> pointsRedemption(AnalyticsScope scope, LocalDate month, Instant start, Instant end,
                                         List<LocalDate> rolledUp, Instant rawFrom) {
        // two separate sums (no union) and an upper bound on the ledger's time keep Postgres's
        // generic plan of this prepared statement on the index and off parallel workers
        return counts(db.sql("""
                        with rolled as (
                            select member_id, sum(moved) as moved, bool_or(received and month = :month) as received,
                                   bool_or(spent and month = :month) as spent
                            from analytics_points_month where brand_id = :b and month = any(:rolled)
                            group by member_id
                        ),
                        raw as (
                            select l.member_id, sum(l.delta) as moved,
                                   bool_or(l.delta > 0 and l.created_at >= :start and l.created_at < :end) as received,
                                   bool_or(l.kind in %s
                                           and l.created_at >= :start and l.created_at < :end) as spent
                            from points_ledger l
                            where l.brand_id = :b and l.created_at >= :rawFrom and l.created_at < 'infinity'
                            group by l.member_id
                        )
                        select count(*) filter (where r.spent or w.spent) as members, count(*) as base
                        from member m left join member_points mp on mp.member_id = m.id
                        left join rolled r on r.member_id = m.id left join raw w on w.member_id = m.id
                        where %s
                          and (coalesce(mp.balance, 0) - coalesce(r.moved, 0) - coalesce(w.moved, 0) > 0
                               or r.received or w.received)
                        """.formatted(com.loyalty.analytics.shared.LedgerKinds.SPENDING_SQL, ScopedMembers.CONDITION))
                .bind("month", month)
                .bind("rolled", rolledUp.toArray(LocalDate[]::new)).bind("rawFrom", rawFrom), scope, start, end);
    }

    /**
     * Treated members of the launched campaigns running in the month, and those who took part: a
     * purchase in the month inside the campaign's window, which for a coupon-pack campaign used one
     * of its coupons.
     */
    public Mono<Count> campaignParticipation(AnalyticsScope scope, Instant start, Instant end) {
        return counts(db.sql("""
                        with running as (
                            select id, benefit_kind, greatest(starts_at, :start) as from_at, least(ends_at, :end) as to_at
                            from campaign where brand_id = :b and launched_at is not null
                              and starts_at < :end and ends_at > :start
                        ),
                        targeted as (
                            select cm.member_id, r.* from campaign_member cm join running r on r.id = cm.campaign_id
                            join member m on m.id = cm.member_id
                            where not cm.in_control and %s
                        ),
                        took_part as (
                            select distinct t.member_id from targeted t
                            where case when t.benefit_kind = 'COUPON_PACK' then exists (
                                           select 1 from member_coupon c join purchase p on p.id = c.purchase_id
                                           where c.campaign_id = t.id and c.member_id = t.member_id
                                             and p.occurred_at >= t.from_at and p.occurred_at < t.to_at)
                                       else %s end
                        )
                        select (select count(*) from took_part) as members,
                               (select count(distinct member_id) from targeted) as base
                        """.formatted(ScopedMembers.CONDITION, BOUGHT.formatted("t.member_id", "t.from_at", "t.to_at"))),
                scope, start, end);
    }

    private static Mono<Count> counts(DatabaseClient.GenericExecuteSpec spec, AnalyticsScope scope, Instant start,
                                       Instant end) {
        return counts(spec.bind("start", start).bind("end", end), scope);
    }

    /** Binds the scope ({@code :b}, {@code :s}) and reads the one (members, base) row. */
    private static Mono<Count> counts(DatabaseClient.GenericExecuteSpec spec, AnalyticsScope scope) {
        return spec.bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .map(row -> new Count(row.get("members", Long.class), row.get("base", Long.class)))
                .one();
    }
}
