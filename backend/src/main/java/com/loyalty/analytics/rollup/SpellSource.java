package com.loyalty.analytics.rollup;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Where a read takes members' spells from: the stored rows; for {@code recomputed} members (a
 * purchase on a day read live before the last rolled-up day) the raw purchases; for
 * {@code extended} members (purchases only after the last rolled-up day, from {@code tail}) the
 * stored rows merged with those purchases. All from the raw purchases when not {@code built}.
 */
public record SpellSource(boolean built, List<Long> recomputed, List<Long> extended, Instant tail, int churnedDays) {

    private static final String STORED = "select member_id, first_day, last_day, orders, value_cents"
            + " from analytics_member_spell where brand_id = :b";

    public SpellSource {
        recomputed = List.copyOf(recomputed);
        extended = List.copyOf(extended);
    }

    /** Every spell from the raw purchases. */
    static SpellSource raw(int churnedDays) {
        return new SpellSource(false, List.of(), List.of(), Instant.EPOCH, churnedDays);
    }

    /**
     * The CTE {@code spells (member_id, first_day, last_day, orders, value_cents)} of the brand's
     * members; binds :b, :zone and :end (purchases from it on are left out).
     */
    public String cte() {
        if (!built) {
            return "spells as (" + MemberSpellSql.spells(MemberSpellSql.days("p.occurred_at < :end")) + ")";
        }
        return "spells as (" + STORED + " and not exists (select 1 from unnest(cast(:touched as bigint[])) t(id)"
                + " where t.id = member_id)"
                + " union all " + MemberSpellSql.spells(MemberSpellSql.days(
                        "p.member_id = any(cast(:recomputed as bigint[])) and p.occurred_at < :end"))
                + " union all " + MemberSpellSql.spells(STORED + " and member_id = any(cast(:extended as bigint[]))"
                        + " union all " + MemberSpellSql.days("p.member_id = any(cast(:extended as bigint[]))"
                        + " and p.occurred_at >= :tail and p.occurred_at < :end"))
                + ")";
    }

    /** Binds what {@link #cte()} needs besides :b, :zone and :end. */
    public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
        spec = spec.bind("n", churnedDays);
        if (!built) {
            return spec;
        }
        return spec.bind("touched", Stream.concat(recomputed.stream(), extended.stream()).toArray(Long[]::new))
                .bind("recomputed", recomputed.toArray(Long[]::new)).bind("extended", extended.toArray(Long[]::new))
                .bind("tail", tail);
    }
}
