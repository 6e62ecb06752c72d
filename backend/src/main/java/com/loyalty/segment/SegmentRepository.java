package com.loyalty.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Computes members' segments in the database, set-based: purchase facts per member, quintile
 * scores within the brand, lifecycle stage; saves them and records every stage change.
 */
@Repository
class SegmentRepository {

    /**
     * Purchase facts per member up to the end of the business date (fully refunded orders do not
     * count). {@code %s} is the member filter: one member is a separate statement, not
     * {@code (:m is null or m.id = :m)}, whose cached generic plan scans every member.
     */
    private static final String FACTS = """
            with base as (
                select m.id as member_id, (m.registered_at at time zone :zone)::date as reg_day
                from member m
                where m.brand_id = :b and m.registered_at < :end%s
            ),
            buys as (
                select p.member_id, count(*) as orders, max(p.occurred_at) as last_at,
                       count(distinct (p.occurred_at at time zone :zone)::date) as visits,
                       (min(p.occurred_at at time zone :zone))::date as first_day,
                       (max(p.occurred_at at time zone :zone))::date as last_day,
                       count(*) filter (where p.occurred_at >= :windowStart) as freq,
                       sum(p.amount_cents - p.refunded_cents) filter (where p.occurred_at >= :windowStart) as monetary
                from purchase p join base using (member_id)
                where p.occurred_at < :end and p.refunded_cents < p.amount_cents
                group by p.member_id
            ),
            facts as (
                select b.member_id, b.reg_day, coalesce(u.orders, 0) as orders, u.last_at, u.last_day,
                       case when u.visits >= 2 then round((u.last_day - u.first_day)::numeric / (u.visits - 1), 2) end
                           as usual_interval,
                       case when u.freq > 0 then cast(:asOf as date) - u.last_day end as recency,
                       nullif(u.freq, 0) as freq,
                       case when u.freq > 0 then u.monetary end as monetary,
                       case when u.freq > 0 then u.monetary / u.freq end as aov
                from base b left join buys u using (member_id)
            ),
            """;

    /** Quintile scores within the brand: ranked best first, the top fifth scores 5; ties share the better score. */
    private static final String SCORES = """
            ranked as (
                select member_id,
                       5 - floor((rank() over (order by recency asc) - 1) * 5.0 / count(*) over ())::int as r,
                       5 - floor((rank() over (order by freq desc) - 1) * 5.0 / count(*) over ())::int as f,
                       5 - floor((rank() over (order by monetary desc) - 1) * 5.0 / count(*) over ())::int as mo,
                       5 - floor((rank() over (order by aov desc) - 1) * 5.0 / count(*) over ())::int as a
                from facts where freq is not null
            ),
            """;

    /** No scores: for refreshing one member's stage between nightly runs. */
    private static final String NO_SCORES = """
            ranked as (
                select member_id, null::int as r, null::int as f, null::int as mo, null::int as a from facts where false
            ),
            """;

    private static final String STAGE_AND_SAVE = """
            staged as (
                select x.*, k.r, k.f, k.mo, k.a,
                       case when k.r is null then null
                            else (case when k.mo >= :high then 'IMPORTANT_' else 'GENERAL_' end)
                                 || (case when k.r >= :high and k.f >= :high then 'VALUE' when k.r >= :high then 'DEVELOP'
                                          when k.f >= :high then 'KEEP' else 'RETAIN' end) end as rfm_segment,
                       case when k.r is null then null
                            else (case when k.f >= :high then 'HIGH_FREQUENCY_' else 'LOW_FREQUENCY_' end)
                                 || (case when k.a >= :high then 'HIGH_VALUE' else 'LOW_VALUE' end) end as quadrant,
                       case when x.orders = 0 then
                                (case when cast(:asOf as date) - x.reg_day < :newDays then 'NEW'
                                      when cast(:asOf as date) - x.reg_day >= :churnedDays then 'CHURNED'
                                      when cast(:asOf as date) - x.reg_day >= :dormantDays then 'DORMANT'
                                      else 'ACTIVE' end)
                            when x.orders = 1 and cast(:asOf as date) - x.reg_day < :newDays then 'NEW'
                            when cast(:asOf as date) - x.last_day >= :churnedDays then 'CHURNED'
                            when cast(:asOf as date) - x.last_day >= :dormantDays then 'DORMANT'
                            when x.usual_interval is not null
                                 and cast(:asOf as date) - x.last_day > :declining * x.usual_interval then 'DECLINING'
                            else 'ACTIVE' end as stage
                from facts x left join ranked k using (member_id)
            ),
            prev as (
                select s.member_id, s.stage, s.stage_since from member_segment s join staged using (member_id)
            ),
            changes as (
                insert into lifecycle_change (member_id, from_stage, to_stage, as_of, changed_at)
                select x.member_id, p.stage, x.stage, :asOf, :now
                from staged x left join prev p using (member_id)
                where p.stage is distinct from x.stage
                returning 1
            ),
            saved as (
                insert into member_segment (member_id, brand_id, as_of, orders, last_purchase_at, usual_interval_days,
                                            recency_days, frequency, monetary_cents, avg_order_cents,
                                            r_score, f_score, m_score, a_score, rfm_segment, quadrant,
                                            stage, stage_since, computed_at)
                select x.member_id, :b, :asOf, x.orders, x.last_at, x.usual_interval, x.recency, x.freq, x.monetary, x.aov,
                       x.r, x.f, x.mo, x.a, x.rfm_segment, x.quadrant, x.stage,
                       case when p.stage is not distinct from x.stage then p.stage_since else :asOf end, :now
                from staged x left join prev p using (member_id)
                on conflict (member_id) do update set
                    as_of = excluded.as_of, orders = excluded.orders, last_purchase_at = excluded.last_purchase_at,
                    usual_interval_days = excluded.usual_interval_days, stage = excluded.stage,
                    stage_since = excluded.stage_since, computed_at = excluded.computed_at%s
                returning 1
            )
            select (select count(*) from saved) as scored, (select count(*) from changes) as changed
            """;

    private static final String SCORE_COLUMNS = """
            ,
                    recency_days = excluded.recency_days, frequency = excluded.frequency,
                    monetary_cents = excluded.monetary_cents, avg_order_cents = excluded.avg_order_cents,
                    r_score = excluded.r_score, f_score = excluded.f_score, m_score = excluded.m_score,
                    a_score = excluded.a_score, rfm_segment = excluded.rfm_segment, quadrant = excluded.quadrant""";

    private final DatabaseClient db;

    SegmentRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The nightly statement: every member of the brand, scores included. */
    private static final String EVERY_MEMBER = FACTS.formatted("") + SCORES + STAGE_AND_SAVE.formatted(SCORE_COLUMNS);

    /** One member's facts and stage: runs on every purchase and registration, so built once. */
    private static final String ONE_MEMBER = FACTS.formatted(" and m.id = :m") + NO_SCORES + STAGE_AND_SAVE.formatted("");

    /** Members scored and stage changes recorded by one refresh. */
    public record Refreshed(long scored, long stageChanges) {
    }

    public Flux<Long> brandIds() {
        return db.sql("select id from brand order by id").map(row -> row.get("id", Long.class)).all();
    }

    /** Scores every member of the brand (RFM, quadrant, stage) for the business date. */
    public Mono<Refreshed> refreshAll(long brandId, LocalDate asOf, ZoneId zone, SegmentProperties rules, Instant now) {
        return run(EVERY_MEMBER, brandId, null, asOf, zone, rules, now);
    }

    /** Refreshes one member's purchase facts and stage, leaving their scores to the nightly run. */
    public Mono<Refreshed> refreshStage(long brandId, long memberId, LocalDate asOf, ZoneId zone,
                                        SegmentProperties rules, Instant now) {
        return run(ONE_MEMBER, brandId, memberId, asOf, zone, rules, now);
    }

    private Mono<Refreshed> run(String sql, long brandId, Long memberId, LocalDate asOf, ZoneId zone,
                                SegmentProperties rules, Instant now) {
        Instant end = asOf.plusDays(1).atStartOfDay(zone).toInstant();
        Instant windowStart = asOf.plusDays(1).minusDays(rules.rfmWindowDays()).atStartOfDay(zone).toInstant();
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        if (memberId != null) {
            spec = spec.bind("m", memberId);
        }
        return spec.bind("b", brandId)
                .bind("zone", zone.getId()).bind("end", end).bind("windowStart", windowStart).bind("asOf", asOf)
                .bind("high", rules.highScore()).bind("newDays", rules.newDays()).bind("dormantDays", rules.dormantDays())
                .bind("churnedDays", rules.churnedDays()).bind("declining", rules.decliningFactor()).bind("now", now)
                .map(row -> new Refreshed(row.get("scored", Long.class), row.get("changed", Long.class)))
                .one();
    }
}
