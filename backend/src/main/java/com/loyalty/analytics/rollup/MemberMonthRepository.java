package com.loyalty.analytics.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The member x month rollups: sums a month's analytics_member_day rows (per store and across the
 * brand) and its points ledger per member once every day of it is rolled up and none is stale,
 * and says which months may be read from them.
 */
@Repository
public class MemberMonthRepository {

    private final DatabaseClient db;

    public MemberMonthRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A day's rows are being replaced: its month is no longer read from the month rollup (same transaction). */
    public Mono<Void> invalidate(long brandId, LocalDate day) {
        return db.sql("delete from analytics_rollup_month where brand_id = :b and month = :m")
                .bind("b", brandId).bind("m", day.withDayOfMonth(1)).then();
    }

    /**
     * Sums the month again if all its days are rolled up and none is stale (locking its day rows
     * so a concurrent rollup of one of them waits), else leaves it unlisted; true if summed.
     */
    public Mono<Boolean> rollUp(long brandId, YearMonth month, ZoneId zone, Instant now) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        return db.sql("""
                        select (select count(*) from (select day from analytics_rollup_day
                                                      where brand_id = :b and day between :first and :last
                                                      order by day for update) d)
                               - (select count(*) from analytics_stale_day
                                  where brand_id = :b and day between :first and :last) as fresh
                        """)
                .bind("b", brandId).bind("first", first).bind("last", last)
                .map(row -> ((Number) row.get("fresh")).intValue() == month.lengthOfMonth()).one()
                .flatMap(complete -> Flux.just("analytics_member_month", "analytics_points_month", "analytics_rollup_month")
                        .concatMap(table -> db.sql("delete from " + table + " where brand_id = :b and month = :m")
                                .bind("b", brandId).bind("m", first).then())
                        .then(complete ? sum(brandId, first, last, zone, now) : Mono.empty())
                        .thenReturn(complete));
    }

    private Mono<Void> sum(long brandId, LocalDate first, LocalDate last, ZoneId zone, Instant now) {
        return db.sql("""
                        insert into analytics_member_month (brand_id, month, all_stores, store_id, member_id, orders,
                                                            sales_cents, checked_in, points_spent)
                        select :b, :first, grouping(store_id) = 1, store_id, member_id, sum(orders), sum(sales_cents),
                               bool_or(checked_in), sum(points_spent)
                        from analytics_member_day where brand_id = :b and day between :first and :last
                        group by grouping sets ((store_id, member_id), (member_id))
                        """)
                .bind("b", brandId).bind("first", first).bind("last", last).then()
                .then(db.sql("""
                                insert into analytics_points_month (brand_id, month, member_id, moved, received, spent)
                                select :b, :first, member_id, sum(delta), bool_or(delta > 0), bool_or(kind in"""
                                + " " + RawDaysSql.SPENT_KINDS + """
                                )
                                from points_ledger where brand_id = :b and created_at >= :lo and created_at < :hi
                                group by member_id
                                """)
                        .bind("b", brandId).bind("first", first).bind("lo", first.atStartOfDay(zone).toInstant())
                        .bind("hi", last.plusDays(1).atStartOfDay(zone).toInstant()).then())
                .then(db.sql("insert into analytics_rollup_month (brand_id, month, rolled_up_at) values (:b, :m, :now)")
                        .bind("b", brandId).bind("m", first).bind("now", now).then());
    }

    /** Of the given months (first days), those read from the month rollup. */
    public Flux<LocalDate> listed(long brandId, List<LocalDate> months) {
        return db.sql("select month from analytics_rollup_month where brand_id = :b and month = any(:months)")
                .bind("b", brandId).bind("months", months.toArray(LocalDate[]::new))
                .map(row -> row.get("month", LocalDate.class)).all();
    }

    /** Of the given months (first days), those read from the month rollup whose days are not stale either. */
    public Flux<LocalDate> fresh(long brandId, List<LocalDate> months) {
        return db.sql("""
                        select r.month from analytics_rollup_month r
                        where r.brand_id = :b and r.month = any(:months)
                          and not exists (select 1 from analytics_stale_day s where s.brand_id = r.brand_id
                                          and s.day >= r.month and s.day < r.month + interval '1 month')
                        """)
                .bind("b", brandId).bind("months", months.toArray(LocalDate[]::new))
                .map(row -> row.get("month", LocalDate.class)).all();
    }
}
