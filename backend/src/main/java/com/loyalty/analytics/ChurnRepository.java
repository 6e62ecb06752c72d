package com.loyalty.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** SQL behind churn: members per saved lifecycle stage, and customers and churned per period from purchase days. */
@Repository
public class ChurnRepository {

    /**
     * Per period: customers = members with a purchase day in [start - n, start - 1] (not churned the
     * day before the period); churned = those of them with no purchase day in [end - n + 1, end].
     * Fully refunded orders do not count, as in the lifecycle stages.
     */
    private static final String CHURN = """
            with periods as (
                select cast(s as date) as start_day, cast(e as date) as end_day
                from unnest(cast(:starts as text[]), cast(:ends as text[])) as p(s, e)
            ),
            buys as (
                select distinct p.member_id, (p.occurred_at at time zone :zone)::date as day
                from purchase p join member m on m.id = p.member_id
                where %s and p.brand_id = :b and p.refunded_cents < p.amount_cents
                  and p.occurred_at >= :lo and p.occurred_at < :hi
            ),
            customers as (
                select distinct per.start_day, b.member_id
                from periods per join buys b on b.day >= per.start_day - :n and b.day < per.start_day
            ),
            still_buying as (
                select distinct per.start_day, b.member_id
                from periods per join buys b on b.day > per.end_day - :n and b.day <= per.end_day
            )
            select c.start_day, count(*) as customers, count(*) filter (where s.member_id is null) as churned
            from customers c left join still_buying s on s.start_day = c.start_day and s.member_id = c.member_id
            group by c.start_day
            """.formatted(ScopedMembers.CONDITION);

    private final DatabaseClient db;

    public ChurnRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Members in scope at one saved stage (null: not scored yet) and the date they were scored for. */
    public record StageRow(String stage, long members, LocalDate asOf) {
    }

    public Flux<StageRow> stages(AnalyticsScope scope) {
        return db.sql("""
                        select s.stage, count(*) as n, max(s.as_of) as as_of from member m
                        left join member_segment s on s.member_id = m.id
                        where %s group by s.stage
                        """.formatted(ScopedMembers.CONDITION))
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .map(row -> new StageRow(row.get("stage", String.class), row.get("n", Long.class),
                        row.get("as_of", LocalDate.class)))
                .all();
    }

    /** Customers and churned per period (periods without customers are left out). */
    public Flux<ChurnPeriod> churn(AnalyticsScope scope, List<Period> periods, int churnedDays, ZoneId zone) {
        LocalDate first = periods.get(0).start();
        LocalDate last = periods.get(periods.size() - 1).end();
        Map<LocalDate, LocalDate> ends = new java.util.HashMap<>();
        periods.forEach(p -> ends.put(p.start(), p.end()));
        return db.sql(CHURN)
                .bind("starts", periods.stream().map(p -> p.start().toString()).toArray(String[]::new))
                .bind("ends", periods.stream().map(p -> p.end().toString()).toArray(String[]::new))
                .bind("zone", zone.getId()).bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .bind("n", churnedDays)
                .bind("lo", first.minusDays(churnedDays).atStartOfDay(zone).toInstant())
                .bind("hi", last.plusDays(1).atStartOfDay(zone).toInstant())
                .map(row -> {
                    LocalDate start = row.get("start_day", LocalDate.class);
                    return new ChurnPeriod(start, ends.get(start), row.get("customers", Long.class),
                            row.get("churned", Long.class));
                })
                .all();
    }
}
