package com.loyalty.analytics.rollup;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Granularity;
import com.loyalty.member.RegistrationChannel;
import com.loyalty.shared.config.BrandProperties;
import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the numbers of a range's days: rolled-up days from the rollup tables, the other days
 * (today, never rolled up, stale) from the raw tables with the same definitions, in one statement.
 */
@Repository
public class RolledUpReads {

    private final DatabaseClient db;
    private final RollupRepository rollups;
    private final BrandProperties brand;
    private final Clock clock;

    public RolledUpReads(DatabaseClient db, RollupRepository rollups, BrandProperties brand, Clock clock) {
        this.db = db;
        this.rollups = rollups;
        this.brand = brand;
        this.clock = clock;
    }

    /** Which days of [from, to] are read from the rollups and which live. */
    public Mono<DaySplit> split(long brandId, LocalDate from, LocalDate to) {
        return rollups.freshDays(brandId, from, to).collectList().map(fresh -> {
            Set<LocalDate> rolled = new HashSet<>(fresh);
            List<LocalDate> live = new ArrayList<>();
            from.datesUntil(to.plusDays(1)).filter(d -> !rolled.contains(d)).forEach(live::add);
            return new DaySplit(fresh, live);
        });
    }

    public Flux<StoreDay> storeDays(AnalyticsScope scope, DaySplit days) {
        String columns = "day, store_id, member_orders, member_sales_cents, guest_orders, guest_sales_cents, checkins,"
                + " points_spent, phones_bound";
        return read(scope, days, "select " + columns + " from analytics_store_day", RawDaysSql.STORE_DAYS, columns,
                row -> new StoreDay(row.get("day", LocalDate.class), row.get("store_id", Long.class),
                        num(row, "member_orders"), num(row, "member_sales_cents"), num(row, "guest_orders"),
                        num(row, "guest_sales_cents"), num(row, "checkins"), num(row, "points_spent"),
                        num(row, "phones_bound")));
    }

    public Flux<NewMembersDay> newMembers(AnalyticsScope scope, DaySplit days) {
        String columns = "day, store_id, channel, members, with_phone";
        return read(scope, days, "select " + columns + " from analytics_new_members_day", RawDaysSql.NEW_MEMBERS,
                columns, row -> new NewMembersDay(row.get("day", LocalDate.class), row.get("store_id", Long.class),
                        RegistrationChannel.valueOf(row.get("channel", String.class)), num(row, "members"),
                        num(row, "with_phone")));
    }

    /**
     * Distinct members per period of the granularity (keyed by the period's unclipped start), or
     * of all the days together when granularity is null.
     */
    public Flux<MemberCounts> memberCounts(AnalyticsScope scope, DaySplit days, Granularity granularity) {
        String columns = "day, member_id, orders, checked_in, points_spent";
        String key = granularity == null ? "null::date" : granularity == Granularity.DAY ? "day"
                : "date_trunc('" + granularity.name().toLowerCase() + "', day::timestamp)::date";
        String rows = union(scope, days, "select " + columns + " from analytics_member_day", RawDaysSql.MEMBER_DAYS,
                columns);
        if (rows == null) {
            return Flux.empty();
        }
        String sql = "with activity as (" + rows + "), per_member as (select " + key + " as period, member_id,"
                + " sum(orders) as orders, bool_or(checked_in) as checked_in, sum(points_spent) as spent"
                + " from activity group by 1, 2)"
                + " select period, count(*) as active, count(*) filter (where orders >= 1) as buyers,"
                + " count(*) filter (where orders >= 2) as repeat_buyers,"
                + " count(*) filter (where checked_in) as checkin_members, count(*) filter (where spent > 0) as spenders"
                + " from per_member group by period";
        return bind(db.sql(sql), scope, days)
                .map(row -> new MemberCounts(row.get("period", LocalDate.class), num(row, "active"), num(row, "buyers"),
                        num(row, "repeat_buyers"), num(row, "checkin_members"), num(row, "spenders")))
                .all();
    }

    /** Members of the scope who registered before the instant, and of those, who had bound a phone before it. */
    public Mono<long[]> membersBefore(AnalyticsScope scope, Instant at) {
        String store = scope.wholeBrand() ? "" : " and registration_store_id = :s";
        var spec = db.sql("select count(*) as members, count(*) filter (where phone_bound_at < :at) as phones"
                + " from member where brand_id = :b and registered_at < :at" + store)
                .bind("b", scope.brandId()).bind("at", at);
        if (!scope.wholeBrand()) {
            spec = spec.bind("s", scope.storeId());
        }
        return spec.map(row -> new long[] {num(row, "members"), num(row, "phones")}).one();
    }

    /** Today in the brand's zone, by the clock. */
    public LocalDate today() {
        return brand.today(clock);
    }

    private <T> Flux<T> read(AnalyticsScope scope, DaySplit days, String rolledUp, String live, String columns,
                             Function<Readable, T> mapper) {
        String sql = union(scope, days, rolledUp, live, columns);
        return sql == null ? Flux.empty() : bind(db.sql(sql), scope, days).map(mapper::apply).all();
    }

    /** The rolled-up rows of the rolled-up days and the live rows of the live days, of the scope's store. */
    private static String union(AnalyticsScope scope, DaySplit days, String rolledUp, String live, String columns) {
        String store = scope.wholeBrand() ? "" : " and store_id = :s";
        List<String> parts = new ArrayList<>();
        if (!days.rolledUp().isEmpty()) {
            parts.add(rolledUp + " where brand_id = :b and day = any(:rolled)" + store);
        }
        if (!days.live().isEmpty()) {
            parts.add("select " + columns + " from (" + live + ") live where true" + store);
        }
        return parts.isEmpty() ? null : String.join(" union all ", parts);
    }

    private DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, AnalyticsScope scope,
                                                   DaySplit days) {
        spec = spec.bind("b", scope.brandId());
        if (!scope.wholeBrand()) {
            spec = spec.bind("s", scope.storeId());
        }
        if (!days.rolledUp().isEmpty()) {
            spec = spec.bind("rolled", days.rolledUp().toArray(LocalDate[]::new));
        }
        if (!days.live().isEmpty()) {
            spec = spec.bind("zone", brand.zone().getId()).bind("lo", days.liveFrom(brand.zone()))
                    .bind("hi", days.liveTo(brand.zone())).bind("days", days.live().toArray(LocalDate[]::new));
        }
        return spec;
    }

    private static long num(Readable row, String column) {
        Number n = row.get(column, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
