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
public class RollupReadRepository {

    private final DatabaseClient db;
    private final RollupRepository rollups;
    private final MemberMonthRepository months;
    private final BrandProperties brand;
    private final Clock clock;

    public RollupReadRepository(DatabaseClient db, RollupRepository rollups, MemberMonthRepository months,
                         BrandProperties brand, Clock clock) {
        this.db = db;
        this.rollups = rollups;
        this.months = months;
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
     * of all the days together when granularity is null. By month or over the whole range, whole
     * months listed in the month rollup are read from it, the other days day by day.
     */
    public Flux<MemberCounts> memberCounts(AnalyticsScope scope, DaySplit days, Granularity granularity) {
        List<LocalDate> whole = granularity == null || granularity == Granularity.MONTH
                ? MemberCountsSql.wholeMonths(days) : List.of();
        Mono<List<LocalDate>> listed = whole.isEmpty() ? Mono.just(List.of())
                : months.listed(scope.brandId(), whole).collectList();
        return listed.flatMapMany(fromMonths -> {
            DaySplit rest = MemberCountsSql.without(days, fromMonths);
            String sql = MemberCountsSql.counts(scope, union(scope, rest, "select " + MemberCountsSql.COLUMNS
                    + " from analytics_member_day", RawDaysSql.MEMBER_DAYS, MemberCountsSql.COLUMNS),
                    !fromMonths.isEmpty(), granularity);
            if (sql == null) {
                return Flux.empty();
            }
            var spec = bind(db.sql(sql), scope, rest);
            if (!fromMonths.isEmpty()) {
                spec = spec.bind("months", fromMonths.toArray(LocalDate[]::new));
            }
            return spec.map(row -> new MemberCounts(row.get("period", LocalDate.class), num(row, "active"),
                    num(row, "buyers"), num(row, "repeat_buyers"), num(row, "checkin_members"),
                    num(row, "spenders"))).all();
        });
    }

    /** Members of a scope who registered before an instant, and of those, who had bound a phone before it. */
    public record MembersBefore(long members, long phones) {
    }

    public Mono<MembersBefore> membersBefore(AnalyticsScope scope, Instant at) {
        String store = scope.wholeBrand() ? "" : " and registration_store_id = :s";
        var spec = db.sql("select count(*) as members, count(*) filter (where phone_bound_at < :at) as phones"
                + " from member where brand_id = :b and registered_at < :at" + store)
                .bind("b", scope.brandId()).bind("at", at);
        if (!scope.wholeBrand()) {
            spec = spec.bind("s", scope.storeId());
        }
        return spec.map(row -> new MembersBefore(num(row, "members"), num(row, "phones"))).one();
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
