package com.loyalty.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * SQL for exportMyData: each section's records about the member as JSON. Each section selects by
 * the member's own id only; other members appear neither by id nor by name (an invitation says
 * whether the member invited or was invited, not who).
 */
@Repository
class DataExportRepository {

    /** Section name and the query listing its records for member :m. */
    private static final Map<String, String> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("consents", "select consent, granted, version, created_at from consent_event where member_id = :m order by id");
        SECTIONS.put("subscribeMessageConsents", "select template_id, remaining, updated_at from subscribe_consent where member_id = :m order by template_id");
        SECTIONS.put("tier", "select level, months_below, since from member_tier where member_id = :m");
        SECTIONS.put("tierHistory", "select id, from_level, to_level, reason, review_month, created_at from tier_change where member_id = :m order by id");
        SECTIONS.put("pointsBalance", "select balance from member_points where member_id = :m");
        SECTIONS.put("pointsLedger", "select id, kind, delta, purchase_id, refund_id, store_id, reason, expires_at, created_at from points_ledger where member_id = :m order by id");
        SECTIONS.put("pointsBuckets", "select ledger_id, amount, remaining, expires_at from points_grant where member_id = :m order by ledger_id");
        SECTIONS.put("coupons", """
                select mc.id, t.name as coupon, mc.status, mc.source, mc.valid_from, mc.valid_until, mc.obtained_at,
                       mc.used_at, mc.purchase_id
                from member_coupon mc join coupon_template t on t.id = mc.template_id
                where mc.member_id = :m order by mc.id""");
        SECTIONS.put("orders", """
                select p.id, p.order_no, p.store_id, p.channel, p.amount_cents, p.refunded_cents, p.occurred_at,
                       (select coalesce(json_agg(json_build_object('sku', i.sku, 'name', i.name, 'category', i.category,
                               'quantity', i.quantity, 'unitPriceCents', i.unit_price_cents) order by i.line_no), '[]')
                        from purchase_item i where i.purchase_id = p.id) as items,
                       (select coalesce(json_agg(json_build_object('refundNo', r.refund_no, 'amountCents', r.amount_cents,
                               'createdAt', r.created_at) order by r.id), '[]')
                        from refund r where r.purchase_id = p.id) as refunds
                from purchase p where p.member_id = :m order by p.id""");
        SECTIONS.put("checkIns", "select day, make_up, streak, points, created_at from checkin where member_id = :m order by day");
        SECTIONS.put("invitations", """
                select kind, case when invitee_id = :m then 'INVITED_BY_A_FRIEND' else 'INVITED_A_FRIEND' end as role,
                       member_id = :m as rewarded_you, case when member_id = :m then points else 0 end as points,
                       granted, created_at
                from referral_reward where inviter_id = :m or invitee_id = :m order by id""");
        SECTIONS.put("shares", "select page, created_at from share_event where member_id = :m order by id");
        SECTIONS.put("campaigns", """
                select c.name as campaign, cm.in_control, cm.reached_at
                from campaign_member cm join campaign c on c.id = cm.campaign_id where cm.member_id = :m order by c.id""");
        SECTIONS.put("tags", """
                select t.name as tag, mt.added_at from member_tag mt join tag t on t.id = mt.tag_id
                where mt.member_id = :m order by t.name""");
        SECTIONS.put("segment", """
                select as_of, orders, last_purchase_at, recency_days, frequency, monetary_cents, rfm_segment, quadrant,
                       stage, stage_since from member_segment where member_id = :m""");
        SECTIONS.put("lifecycleHistory", "select from_stage, to_stage, as_of from lifecycle_change where member_id = :m order by id");
        SECTIONS.put("automatedActions", "select rule, acted_on, coupon_ids from automation_action where member_id = :m order by id");
        SECTIONS.put("staffFollowUps", "select reason, status, due_on, note from follow_up_task where member_id = :m order by id");
        SECTIONS.put("notifications", "select kind, channel, payload, status, due_at, sent_at from notification_outbox where member_id = :m order by id");
    }

    private final DatabaseClient db;

    DataExportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A section's name and its records as a JSON array. */
    public record SectionJson(String name, String json) {
    }

    /** Every section for the member, in order, as a JSON array each ({@code []} when it has no records). */
    public Flux<SectionJson> sections(long memberId) {
        return Flux.fromIterable(SECTIONS.entrySet())
                .concatMap(s -> db.sql("select coalesce(json_agg(t), '[]')::text as j from (" + s.getValue() + ") t")
                        .bind("m", memberId)
                        .map(row -> new SectionJson(s.getKey(), row.get("j", String.class)))
                        .one());
    }
}
