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
        List<String> parts = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.tags() != null && !f.tags().isEmpty()) {
            parts.add("exists (select 1 from member_tag mt where mt.member_id = m.id and mt.tag_id = any(:f_tags))");
            params.put("f_tags", f.tags().toArray(Long[]::new));
        }
        if (f.tiers() != null && !f.tiers().isEmpty()) {
            parts.add("coalesce((select t.level from member_tier t where t.member_id = m.id), 0) = any(:f_tiers)");
            params.put("f_tiers", f.tiers().toArray(Integer[]::new));
        }
        segmentColumn(parts, params, "stage", f.stages());
        segmentColumn(parts, params, "rfm_segment", f.rfmSegments());
        segmentColumn(parts, params, "quadrant", f.quadrants());
        if (f.lastPurchaseBefore() != null) {
            parts.add(LAST_PURCHASE + " < :f_lastBefore");
            params.put("f_lastBefore", f.lastPurchaseBefore());
        }
        if (f.lastPurchaseAfter() != null) {
            parts.add(LAST_PURCHASE + " >= :f_lastAfter");
            params.put("f_lastAfter", f.lastPurchaseAfter());
        }
        if (f.registeredAfter() != null) {
            parts.add("m.registered_at >= :f_regAfter");
            params.put("f_regAfter", f.registeredAfter());
        }
        if (f.registeredBefore() != null) {
            parts.add("m.registered_at < :f_regBefore");
            params.put("f_regBefore", f.registeredBefore());
        }
        if (f.storeId() != null) {
            parts.add("exists (select 1 from purchase p where p.member_id = m.id and p.store_id = :f_store)");
            params.put("f_store", f.storeId());
        }
        if (f.birthdayMonth() != null) {
            parts.add("extract(month from m.birthday) = :f_birthdayMonth");
            params.put("f_birthdayMonth", f.birthdayMonth());
        }
        return new Condition(parts.isEmpty() ? "true" : String.join(" and ", parts), params);
    }

    private static void segmentColumn(List<String> parts, Map<String, Object> params, String column,
                                      List<? extends Enum<?>> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        String param = "f_" + column;
        parts.add("exists (select 1 from member_segment s where s.member_id = m.id and s." + column
                + " = any(:" + param + "))");
        params.put(param, values.stream().map(Enum::name).toArray(String[]::new));
    }
}
