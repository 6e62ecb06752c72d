package com.loyalty.analytics.ltv;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.rollup.SpellSourceRepository;
import com.loyalty.analytics.shared.ScopedMembers;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL behind lifetime values, per member in scope: historical value = sum over purchases of
 * paid x (amount - refunded) / amount, rounded down (paid = amount - coupon discount - points);
 * predicted = value / orders x purchases per month x :lifetime months, rounded down, where
 * purchases per month = orders in the last 365 days x 30 / days since the first purchase
 * (today included, at least 30, at most 365). Fully refunded orders are no orders.
 */
@Repository
class LtvRepository {

    static final int WINDOW_DAYS = 365;

    private static final String VALUED = """
            with scoped as (select m.id, m.nickname from member m where %s%s),
            %s,
            straddling as (
                select p.member_id, count(*) as recent from purchase p
                where p.member_id in (select member_id from spells where first_day < :windowDay and last_day >= :windowDay)
                  and p.brand_id = :b and p.refunded_cents < p.amount_cents
                  and p.occurred_at >= :windowStart and p.occurred_at < :end
                group by p.member_id
            ),
            facts as (
                select s.member_id, sum(s.orders) as orders, sum(s.value_cents)::bigint as value,
                       min(s.first_day) as first_day, max(s.last_day) as last_day,
                       coalesce(max(st.recent), sum(s.orders) filter (where s.first_day >= :windowDay), 0) as recent
                from spells s left join straddling st on st.member_id = s.member_id
                group by s.member_id
            ),
            valued as (
                select s.id as member_id, s.nickname, coalesce(f.orders, 0) as orders, coalesce(f.value, 0) as value,
                       f.first_day, f.last_day,
                       case when f.orders > 0 then f.recent * 30.0
                                / greatest(30, least(:window, cast(:today as date) - f.first_day + 1)) else 0 end
                           as per_month
                from scoped s left join facts f on f.member_id = s.id
            ),
            predicted as (
                select v.*, case when v.orders > 0 then floor(v.value::numeric / v.orders * v.per_month * :lifetime)
                                 else 0 end::bigint as predicted
                from valued v
            )
            """;

    private final DatabaseClient db;
    private final SpellSourceRepository spells;

    public LtvRepository(DatabaseClient db, SpellSourceRepository spells) {
        this.db = db;
        this.spells = spells;
    }

    /** One member's values when they are in scope; empty otherwise. */
    public Mono<MemberLifetimeValue> member(AnalyticsScope scope, long memberId, LtvBasis basis, LocalDate today,
                                            ZoneId zone) {
        return read(scope, " and m.id = :m", "select * from predicted", spec -> spec.bind("m", memberId), basis,
                today, zone, row -> toValue(row, basis)).next();
    }

    /** The members in scope with the highest lifetime value (historical + predicted), ties by id. */
    public Flux<MemberLifetimeValue> top(AnalyticsScope scope, int limit, LtvBasis basis, LocalDate today,
                                         ZoneId zone) {
        return read(scope, "", "select * from predicted order by value + predicted desc, member_id limit :limit",
                spec -> spec.bind("limit", limit), basis, today, zone, row -> toValue(row, basis));
    }

    /** Members, historical and predicted value per group; key null: members without an RFM segment or stage. */
    public Flux<LtvSegment> bySegment(AnalyticsScope scope, LtvGroupBy groupBy, LtvBasis basis, LocalDate today,
                                      ZoneId zone) {
        String grouped = switch (groupBy) {
            case RFM_SEGMENT -> "select s.rfm_segment as key, s.rfm_segment as label, %s from predicted p"
                    + " left join member_segment s on s.member_id = p.member_id group by s.rfm_segment";
            case LIFECYCLE_STAGE -> "select s.stage as key, s.stage as label, %s from predicted p"
                    + " left join member_segment s on s.member_id = p.member_id group by s.stage";
            case TAG -> "select t.id::text as key, t.name as label, %s from predicted p"
                    + " join member_tag mt on mt.member_id = p.member_id join tag t on t.id = mt.tag_id"
                    + " group by t.id, t.name";
        };
        String sums = "count(*) as members, sum(p.value)::bigint as value, sum(p.predicted)::bigint as predicted";
        return read(scope, "", grouped.formatted(sums) + " order by value desc, key", UnaryOperator.identity(), basis,
                today, zone, row -> new LtvSegment(row.get("key", String.class), row.get("label", String.class),
                        row.get("members", Long.class), row.get("value", Long.class), row.get("predicted", Long.class)));
    }

    /** The values of the scope's members ({@code only}: a further condition on them), then {@code select}. */
    private <T> Flux<T> read(AnalyticsScope scope, String only, String select,
                             UnaryOperator<DatabaseClient.GenericExecuteSpec> extra, LtvBasis basis, LocalDate today,
                             ZoneId zone, Function<Readable, T> mapper) {
        return spells.source(scope.brandId()).flatMapMany(source -> extra.apply(bind(source.bind(
                        db.sql(VALUED.formatted(ScopedMembers.CONDITION, only, source.cte()) + select)),
                        scope, basis, today, zone))
                .map(mapper::apply).all());
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, AnalyticsScope scope,
                                                          LtvBasis basis, LocalDate today, ZoneId zone) {
        LocalDate windowDay = today.plusDays(1).minusDays(WINDOW_DAYS);
        return spec.bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope)).bind("zone", zone.getId())
                .bind("end", today.plusDays(1).atStartOfDay(zone).toInstant()).bind("windowDay", windowDay)
                .bind("windowStart", windowDay.atStartOfDay(zone).toInstant()).bind("window", WINDOW_DAYS)
                .bind("today", today).bind("lifetime", basis.lifetimeMonths());
    }

    private static MemberLifetimeValue toValue(Readable row, LtvBasis basis) {
        long orders = row.get("orders", Long.class);
        long value = row.get("value", Long.class);
        return new MemberLifetimeValue(row.get("member_id", Long.class), row.get("nickname", String.class), orders,
                value, orders == 0 ? null : value / orders, row.get("per_month", BigDecimal.class).doubleValue(),
                row.get("first_day", LocalDate.class), row.get("last_day", LocalDate.class),
                row.get("predicted", Long.class), basis.monthlyChurnRate(), basis.expectedLifetimeMonths());
    }
}
