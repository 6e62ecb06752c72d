package com.loyalty.analytics.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes the daily points and coupon rollups and keeps track of which days are rolled up or dirty. */
@Repository
class EconomyRollupRepository {

    private final DatabaseClient db;

    public EconomyRollupRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Long> brandIds() {
        return db.sql("select id from brand order by id").map(row -> row.get("id", Long.class)).all();
    }

    /** {@code last}, every day from {@code first} not rolled up yet, and every dirty day before {@code last}. */
    public Flux<LocalDate> daysToRollUp(long brandId, LocalDate first, LocalDate last) {
        return db.sql("""
                        select d::date as day from generate_series(cast(:first as date), cast(:last as date),
                                                                   interval '1 day') d
                        where d::date = cast(:last as date) or not exists (
                            select 1 from analytics_economy_day e where e.brand_id = :b and e.day = d::date
                              and e.computed_at is not null and not e.dirty)
                        union
                        select day from analytics_economy_day where brand_id = :b and dirty and day < :last
                        order by 1
                        """)
                .bind("b", brandId).bind("first", first).bind("last", last)
                .map(row -> row.get("day", LocalDate.class)).all();
    }

    /**
     * Recomputes the days from the raw tables, replacing what was there. Run it in a transaction:
     * the days' rows are marked first, so a change marking one of them dirty waits for the
     * transaction and is not lost.
     */
    public Mono<Void> rollUp(long brandId, List<LocalDate> days, ZoneId zone, Instant now) {
        if (days.isEmpty()) {
            return Mono.empty();
        }
        String[] dayTexts = days.stream().map(LocalDate::toString).toArray(String[]::new);
        Instant lo = Collections.min(days).atStartOfDay(zone).toInstant();
        Instant hi = Collections.max(days).plusDays(1).atStartOfDay(zone).toInstant();
        return db.sql("""
                        insert into analytics_economy_day (brand_id, day, computed_at, dirty)
                        select :b, d, :now, false from unnest(cast(:days as date[])) d
                        on conflict (brand_id, day) do update set computed_at = excluded.computed_at, dirty = false
                        """)
                .bind("b", brandId).bind("days", dayTexts).bind("now", now).then()
                .then(db.sql("delete from analytics_points_daily where brand_id = :b and day = any(cast(:days as date[]))")
                        .bind("b", brandId).bind("days", dayTexts).then())
                .then(db.sql("delete from analytics_coupon_daily where brand_id = :b and day = any(cast(:days as date[]))")
                        .bind("b", brandId).bind("days", dayTexts).then())
                .then(db.sql("insert into analytics_points_daily (brand_id, day, store_id, kind, credited, debited, entries)"
                                + " select :b, day, store_id, kind, credited, debited, entries from ("
                                + EconomyRollupSql.forDays(EconomyRollupSql.POINTS_BY_DAY) + ") x")
                        .bind("b", brandId).bind("days", dayTexts).bind("lo", lo).bind("hi", hi)
                        .bind("zone", zone.getId()).then())
                .then(db.sql("insert into analytics_coupon_daily (brand_id, day, store_id, template_id, issued, redeemed,"
                                + " discount_cents) select :b, day, store_id, template_id, issued, redeemed, discount_cents"
                                + " from (" + EconomyRollupSql.forDays(EconomyRollupSql.COUPONS_BY_DAY) + ") x")
                        .bind("b", brandId).bind("days", dayTexts).bind("lo", lo).bind("hi", hi)
                        .bind("zone", zone.getId()).then());
    }

    /** Marks a rolled-up (or not yet rolled-up) day dirty, so reads take it from the raw tables until rolled up again. */
    public Mono<Void> markDirty(long brandId, LocalDate day) {
        return db.sql("""
                        insert into analytics_economy_day (brand_id, day, dirty) values (:b, :d, true)
                        on conflict (brand_id, day) do update set dirty = true
                        """)
                .bind("b", brandId).bind("d", day).then();
    }
}
