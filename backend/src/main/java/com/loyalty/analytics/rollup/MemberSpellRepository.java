package com.loyalty.analytics.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Writes members' spells (analytics_member_spell): all of a brand's, or those of a day's buyers. */
@Repository
class MemberSpellRepository {

    /** The members who bought (any order, refunded or not) in [:lo, :hi). */
    private static final String BUYERS = "select d.member_id from purchase d where d.brand_id = :b"
            + " and d.occurred_at >= :lo and d.occurred_at < :hi and d.member_id is not null";

    /**
     * Purchases before the day after the last rolled-up day: what a member's stored spells are made
     * of. Readers add later purchases live, and compute members with a purchase on an earlier day
     * that is not rolled up (or stale) from the raw purchases.
     */
    private static final String ROLLED_UP = "p.occurred_at < ((select max(r.day) from analytics_rollup_day r"
            + " where r.brand_id = :b) + 1)::timestamp at time zone :zone";

    private static final String INSERT = "insert into analytics_member_spell (brand_id, member_id, first_day, last_day,"
            + " orders, value_cents) select :b, member_id, first_day, last_day, orders, value_cents from (%s) x";

    private final DatabaseClient db;

    public MemberSpellRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Whether the brand's spells are built for these rules. */
    public Mono<Boolean> built(long brandId, int churnedDays, ZoneId zone) {
        return db.sql("select 1 from analytics_member_spell_build where brand_id = :b and churned_days = :n"
                        + " and zone = :zone")
                .bind("b", brandId).bind("n", churnedDays).bind("zone", zone.getId())
                .map(row -> true).first().defaultIfEmpty(false);
    }

    /** Replaces all the brand's spells with what the raw purchases of rolled-up days say now (call in a transaction). */
    public Mono<Void> rebuild(long brandId, int churnedDays, ZoneId zone, Instant now) {
        return lock(brandId)
                .then(db.sql("delete from analytics_member_spell where brand_id = :b").bind("b", brandId).then())
                .then(db.sql(INSERT.formatted(MemberSpellSql.spells(MemberSpellSql.days(ROLLED_UP))))
                        .bind("b", brandId).bind("n", churnedDays).bind("zone", zone.getId()).then())
                .then(db.sql("""
                                insert into analytics_member_spell_build (brand_id, churned_days, zone, built_at)
                                values (:b, :n, :zone, :now)
                                on conflict (brand_id) do update set churned_days = excluded.churned_days,
                                    zone = excluded.zone, built_at = excluded.built_at
                                """)
                        .bind("b", brandId).bind("n", churnedDays).bind("zone", zone.getId()).bind("now", now).then());
    }

    /** Replaces the spells of the members who bought on the day (call in the day's rollup transaction, after its claim). */
    public Mono<Void> recompute(long brandId, LocalDate day, int churnedDays, ZoneId zone) {
        Instant lo = day.atStartOfDay(zone).toInstant();
        Instant hi = day.plusDays(1).atStartOfDay(zone).toInstant();
        return lock(brandId)
                .then(db.sql("delete from analytics_member_spell where brand_id = :b and member_id in (" + BUYERS + ")")
                        .bind("b", brandId).bind("lo", lo).bind("hi", hi).then())
                .then(db.sql(INSERT.formatted(MemberSpellSql.spells(
                                MemberSpellSql.days("p.member_id in (" + BUYERS + ") and " + ROLLED_UP))))
                        .bind("b", brandId).bind("n", churnedDays).bind("zone", zone.getId())
                        .bind("lo", lo).bind("hi", hi).then());
    }

    /** One writer of a brand's spells at a time (until the transaction ends). */
    private Mono<Void> lock(long brandId) {
        return db.sql("select pg_advisory_xact_lock(25, cast(:b as int))").bind("b", brandId)
                .map(row -> 1).first().then();
    }
}
