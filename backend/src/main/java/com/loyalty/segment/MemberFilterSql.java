package com.loyalty.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Segment's published read model: the SQL predicate over {@code member m} that a {@link MemberFilter}
 * stands for. The member list here and campaign audiences select members through it, so a filter
 * means the same everywhere; it runs no SQL itself.
 */
public final class MemberFilterSql {

    private static final String LAST_PURCHASE =
            "(select max(p.occurred_at) from purchase p where p.member_id = m.id and p.refunded_cents < p.amount_cents)";

    private MemberFilterSql() {
    }

    /** A filter as SQL on member {@code m}, with its parameters (named {@code f_*}). */
    public record Condition(String sql, Map<String, Object> params) {

        public DatabaseClient.GenericExecuteSpec bindTo(DatabaseClient.GenericExecuteSpec spec) {
            for (Map.Entry<String, Object> p : params.entrySet()) {
                spec = spec.bind(p.getKey(), p.getValue());
            }
            return spec;
        }
    }

    /** The filter as a condition on member {@code m}; "true" for an empty filter. */
    public static Condition of(MemberFilter f) {
        return of(f, "f_");
    }

    /**
     * As {@link #of(MemberFilter)}, its parameters named {@code prefix*}: several filters in one
     * statement (each with its own prefix) do not share parameters.
     */
    public static Condition of(MemberFilter f, String prefix) {
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.tags() != null && !f.tags().isEmpty()) {
            parts.add("exists (select 1 from member_tag mt where mt.member_id = m.id and mt.tag_id = any(:" + prefix + "tags))");
            params.put(prefix + "tags", f.tags().toArray(Long[]::new));
        }
        if (f.tiers() != null && !f.tiers().isEmpty()) {
            parts.add("coalesce((select t.level from member_tier t where t.member_id = m.id), 0) = any(:" + prefix + "tiers)");
            params.put(prefix + "tiers", f.tiers().toArray(Integer[]::new));
        }
        segmentColumn(parts, params, prefix, "stage", f.stages());
        segmentColumn(parts, params, prefix, "rfm_segment", f.rfmSegments());
        segmentColumn(parts, params, prefix, "quadrant", f.quadrants());
        if (f.lastPurchaseBefore() != null) {
            parts.add(LAST_PURCHASE + " < :" + prefix + "lastBefore");
            params.put(prefix + "lastBefore", f.lastPurchaseBefore());
        }
        if (f.lastPurchaseAfter() != null) {
            parts.add(LAST_PURCHASE + " >= :" + prefix + "lastAfter");
            params.put(prefix + "lastAfter", f.lastPurchaseAfter());
        }
        if (f.registeredAfter() != null) {
            parts.add("m.registered_at >= :" + prefix + "regAfter");
            params.put(prefix + "regAfter", f.registeredAfter());
        }
        if (f.registeredBefore() != null) {
            parts.add("m.registered_at < :" + prefix + "regBefore");
            params.put(prefix + "regBefore", f.registeredBefore());
        }
        if (f.storeId() != null) {
            parts.add("exists (select 1 from purchase p where p.member_id = m.id and p.store_id = :" + prefix + "store)");
            params.put(prefix + "store", f.storeId());
        }
        if (f.birthdayMonth() != null) {
            parts.add("extract(month from m.birthday) = :" + prefix + "birthdayMonth");
            params.put(prefix + "birthdayMonth", f.birthdayMonth());
        }
        return new Condition(parts.isEmpty() ? "true" : String.join(" and ", parts), params);
    }

    private static void segmentColumn(List<String> parts, Map<String, Object> params, String prefix, String column,
                                      List<? extends Enum<?>> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        String param = prefix + column;
        parts.add("exists (select 1 from member_segment s where s.member_id = m.id and s." + column
                + " = any(:" + param + "))");
        params.put(param, values.stream().map(Enum::name).toArray(String[]::new));
    }
}
