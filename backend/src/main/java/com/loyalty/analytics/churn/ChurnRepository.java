package com.loyalty.analytics.churn;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Period;
import com.loyalty.analytics.rollup.SpellSourceRepository;
import com.loyalty.analytics.shared.ScopedMembers;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** SQL behind churn: members per saved lifecycle stage, and customers and churned per period from purchase days. */
@Repository
class ChurnRepository {

    /**
     * Per period: customers = members with a purchase day in [start - n, start - 1] (not churned the
     * day before the period); churned = those of them with no purchase day in [end - n + 1, end].
     * Fully refunded orders do not count, as in the lifecycle stages. With spells (see
     * analytics_member_spell): customers have a spell covering the start (first_day < start <=
     * last_day + n); the churned have none covering end + 1. A member's spells never overlap.
     */
    private static final String CHURN = """
            with %s,
            scoped as (
                select s.member_id, s.first_day + 1 as from_day, s.last_day + :n as to_day
                from spells s join member m on m.id = s.member_id
                where %s
            )
            select member_id, from_day, to_day from scoped order by member_id
            """;

    private final DatabaseClient db;
    private final SpellSourceRepository spells;

    public ChurnRepository(DatabaseClient db, SpellSourceRepository spells) {
        this.db = db;
        this.spells = spells;
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

    /** A member's days as a customer: from the day after a spell's first purchase to n days after its last. */
    private record Spell(long memberId, LocalDate fromDay, LocalDate toDay) {
    }

    /** Customers and churned per period (periods without customers are left out), counted per member in {@link ChurnCount}. */
    public Flux<ChurnPeriod> churn(AnalyticsScope scope, List<Period> periods, int churnedDays, ZoneId zone) {
        LocalDate last = periods.get(periods.size() - 1).end();
        return spells.source(scope.brandId()).flatMapMany(source -> source.bind(
                        db.sql(CHURN.formatted(source.cte(), ScopedMembers.CONDITION)))
                .bind("zone", zone.getId()).bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .bind("n", churnedDays)
                .bind("end", last.plusDays(1).atStartOfDay(zone).toInstant())
                .map(row -> new Spell(row.get("member_id", Long.class), row.get("from_day", LocalDate.class),
                        row.get("to_day", LocalDate.class)))
                .all()
                .reduce(new ChurnCount(periods), (count, spell) -> {
                    count.add(spell.memberId(), spell.fromDay(), spell.toDay());
                    return count;
                })
                .flatMapIterable(ChurnCount::result));
    }
}
