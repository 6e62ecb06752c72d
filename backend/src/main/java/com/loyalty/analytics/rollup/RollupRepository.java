package com.loyalty.analytics.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Writes a brand's day into the rollup tables and keeps track of which days are rolled up and which went stale. */
@Repository
public class RollupRepository {

    private final DatabaseClient db;

    public RollupRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Long> brandIds() {
        return db.sql("select id from brand order by id").map(row -> row.get("id", Long.class)).all();
    }

    /**
     * Claims the day (the row lock makes concurrent rollups of one day wait for each other) and
     * returns the version of its stale mark, if any, read before the day is computed.
     */
    public Mono<Optional<Long>> claim(long brandId, LocalDate day, Instant now) {
        return db.sql("""
                        insert into analytics_rollup_day (brand_id, day, rolled_up_at) values (:b, :d, :now)
                        on conflict (brand_id, day) do update set rolled_up_at = excluded.rolled_up_at
                        """)
                .bind("b", brandId).bind("d", day).bind("now", now).then()
                .then(db.sql("select version from analytics_stale_day where brand_id = :b and day = :d")
                        .bind("b", brandId).bind("d", day).map(row -> Optional.of(row.get("version", Long.class)))
                        .one().defaultIfEmpty(Optional.empty()));
    }

    /** Replaces the day's rows in every rollup table with what the raw tables say now. */
    public Mono<Void> replace(long brandId, LocalDate day, ZoneId zone) {
        return replace("analytics_store_day", brandId, day, zone, """
                        insert into analytics_store_day (brand_id, store_id, day, member_orders, member_sales_cents,
                                                         guest_orders, guest_sales_cents, checkins, points_spent,
                                                         phones_bound)
                        select :b, store_id, day, member_orders, member_sales_cents, guest_orders, guest_sales_cents,
                               checkins, points_spent, phones_bound
                        from (""" + RawDaysSql.STORE_DAYS + ") x")
                .then(replace("analytics_new_members_day", brandId, day, zone, """
                        insert into analytics_new_members_day (brand_id, store_id, day, channel, members, with_phone)
                        select :b, store_id, day, channel, members, with_phone
                        from (""" + RawDaysSql.NEW_MEMBERS + ") x"))
                .then(replace("analytics_member_day", brandId, day, zone, """
                        insert into analytics_member_day (brand_id, day, store_id, member_id, orders, sales_cents,
                                                          checked_in, points_spent)
                        select :b, day, store_id, member_id, orders, sales_cents, checked_in, points_spent
                        from (""" + RawDaysSql.MEMBER_DAYS + ") x"));
    }

    private Mono<Void> replace(String table, long brandId, LocalDate day, ZoneId zone, String insert) {
        return db.sql("delete from " + table + " where brand_id = :b and day = :d")
                .bind("b", brandId).bind("d", day).then()
                .then(db.sql(insert).bind("b", brandId).bind("zone", zone.getId())
                        .bind("lo", day.atStartOfDay(zone).toInstant())
                        .bind("hi", day.plusDays(1).atStartOfDay(zone).toInstant())
                        .bind("days", new LocalDate[] {day}).then());
    }

    /** Clears the day's stale mark if it is still the one read when the day was claimed. */
    public Mono<Void> clearStale(long brandId, LocalDate day, long version) {
        return db.sql("delete from analytics_stale_day where brand_id = :b and day = :d and version = :v")
                .bind("b", brandId).bind("d", day).bind("v", version).then();
    }

    /** Marks a day whose raw data changed: it is read live until rolled up again. */
    public Mono<Void> markStale(long brandId, LocalDate day) {
        return db.sql("""
                        insert into analytics_stale_day (brand_id, day, version)
                        values (:b, :d, nextval('analytics_stale_version'))
                        on conflict (brand_id, day) do update set version = excluded.version
                        """)
                .bind("b", brandId).bind("d", day).then();
    }

    /** Stale days before {@code before}. */
    public Flux<LocalDate> staleDays(long brandId, LocalDate before) {
        return db.sql("select day from analytics_stale_day where brand_id = :b and day < :before order by day")
                .bind("b", brandId).bind("before", before).map(row -> row.get("day", LocalDate.class)).all();
    }

    /** Days in [from, to] whose rollup is complete and not stale. */
    public Flux<LocalDate> freshDays(long brandId, LocalDate from, LocalDate to) {
        return db.sql("""
                        select r.day from analytics_rollup_day r
                        where r.brand_id = :b and r.day between :from and :to
                          and not exists (select 1 from analytics_stale_day s where s.brand_id = r.brand_id and s.day = r.day)
                        order by r.day
                        """)
                .bind("b", brandId).bind("from", from).bind("to", to).map(row -> row.get("day", LocalDate.class)).all();
    }
}
