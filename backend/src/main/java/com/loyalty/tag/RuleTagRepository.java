package com.loyalty.tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Brings member_tag in line with rule tags in one set-based statement: members meeting every
 * condition get the tag, the others lose it, and each change is written to member_tag_event.
 */
@Repository
class RuleTagRepository {

    private final DatabaseClient db;

    RuleTagRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Every rule tag of every brand. */
    public Flux<RuleTag> all() {
        return grouped(db.sql("""
                select t.id, t.brand_id, c.* from tag t join tag_condition c on c.tag_id = t.id
                where t.kind = 'RULE' order by t.id, c.position
                """));
    }

    /** The rule tags of the brand. */
    public Flux<RuleTag> ofBrand(long brandId) {
        return grouped(db.sql("""
                        select t.id, t.brand_id, c.* from tag t join tag_condition c on c.tag_id = t.id
                        where t.brand_id = :brand and t.kind = 'RULE' order by t.id, c.position
                        """)
                .bind("brand", brandId));
    }

    /**
     * Recomputes the tags for the brand's members as of the business day {@code asOf} (only for
     * {@code memberId} when not null); returns how many member-tag rows were added or removed.
     */
    public Mono<Long> sync(List<RuleTag> tags, Long memberId, LocalDate asOf, ZoneId zone, Instant now) {
        if (tags.isEmpty()) {
            return Mono.just(0L);
        }
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("now", now);
        binds.put("tags", tags.stream().map(RuleTag::id).toArray(Long[]::new));
        String scope = memberId == null ? "" : " and p.member_id = :member";
        List<String> selects = new ArrayList<>();
        for (int t = 0; t < tags.size(); t++) {
            RuleTag tag = tags.get(t);
            binds.put("tag" + t, tag.id());
            StringBuilder select = new StringBuilder("select m.id as member_id, t.id as tag_id from tag t "
                    + "join member m on m.brand_id = t.brand_id where t.id = :tag" + t + " and t.kind = 'RULE'"
                    + (memberId == null ? "" : " and m.id = :member"));
            for (int i = 0; i < tag.conditions().size(); i++) {
                String p = "t" + t + "c" + i;
                select.append(" and ").append(predicate(tag.conditions().get(i), p, tag.brandId(), scope, asOf, zone, binds));
            }
            selects.add(select.toString());
        }
        String sql = "with qualified as (" + String.join(" union all ", selects) + """
                ),
                removed as (
                    delete from member_tag mt where mt.tag_id = any(:tags)\s""" + (memberId == null ? ""
                : "and mt.member_id = :member ") + """
                      and not exists (select 1 from qualified q where q.member_id = mt.member_id and q.tag_id = mt.tag_id)
                    returning mt.member_id, mt.tag_id),
                added as (
                    insert into member_tag (member_id, tag_id, added_at)
                    select member_id, tag_id, :now from qualified
                    on conflict do nothing
                    returning member_id, tag_id)
                insert into member_tag_event (member_id, tag_id, change, at)
                select member_id, tag_id, 'ADDED', :now from added
                union all select member_id, tag_id, 'REMOVED', :now from removed
                """;
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        if (memberId != null) {
            spec = spec.bind("member", memberId);
        }
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.fetch().rowsUpdated();
    }

    /**
     * The condition as SQL on member {@code m}, binding its values under names starting with
     * {@code p} (every bound name must occur in the statement).
     */
    private static String predicate(TagCondition c, String p, long brandId, String scope, LocalDate asOf, ZoneId zone,
                                    Map<String, Object> binds) {
        if (c.kind() == TagCondition.Kind.BIRTHDAY_THIS_MONTH) {
            binds.put(p + "month", asOf.getMonthValue());
            return "extract(month from m.birthday) = :" + p + "month";
        }
        int days = c.kind() == TagCondition.Kind.NO_PURCHASE_FOR ? c.days() : c.withinDays();
        binds.put(p + "from", asOf.minusDays(days - 1L).atStartOfDay(zone).toInstant());
        binds.put("to", asOf.plusDays(1).atStartOfDay(zone).toInstant());
        String counted = " p.refunded_cents < p.amount_cents and p.occurred_at >= :" + p + "from and p.occurred_at < :to";
        if (c.kind() == TagCondition.Kind.NO_PURCHASE_FOR) {
            return "m.registered_at < :" + p + "from and not exists (select 1 from purchase p where p.member_id = m.id and"
                    + counted + ")";
        }
        binds.put(p + "brand", brandId);
        // guest orders (no member) never count
        String orders = "m.id in (select p.member_id from purchase p where p.brand_id = :" + p + "brand and"
                + " p.member_id is not null and" + counted + scope;
        boolean counts = c.kind() == TagCondition.Kind.CATEGORY_PURCHASES || c.kind() == TagCondition.Kind.PURCHASE_COUNT;
        binds.put(p + "min", counts ? c.minCount().longValue() : c.minCents());
        return switch (c.kind()) {
            case CATEGORY_PURCHASES -> {
                binds.put(p + "category", c.category());
                yield orders + " and exists (select 1 from purchase_item i where i.purchase_id = p.id and i.category = :"
                        + p + "category) group by p.member_id having count(*) >= :" + p + "min)";
            }
            case AVERAGE_ORDER_VALUE -> orders + " group by p.member_id having avg(p.amount_cents - p.refunded_cents) >= :"
                    + p + "min)";
            case TOTAL_SPEND -> orders + " group by p.member_id having sum(p.amount_cents - p.refunded_cents) >= :"
                    + p + "min)";
            default -> orders + " group by p.member_id having count(*) >= :" + p + "min)";
        };
    }

    /** Rule tags from rows of tag joined with tag_condition, ordered by tag. */
    static Flux<RuleTag> grouped(DatabaseClient.GenericExecuteSpec spec) {
        return spec.map(row -> new Object[] {row.get("id", Long.class), row.get("brand_id", Long.class),
                        new TagCondition(TagCondition.Kind.valueOf(row.get("kind", String.class)),
                                row.get("category", String.class), row.get("min_count", Integer.class),
                                row.get("min_cents", Long.class), row.get("within_days", Integer.class),
                                row.get("days", Integer.class))})
                .all()
                .bufferUntilChanged(row -> row[0])
                .map(rows -> new RuleTag((Long) rows.get(0)[0], (Long) rows.get(0)[1],
                        rows.stream().map(row -> (TagCondition) row[2]).toList()));
    }
}
