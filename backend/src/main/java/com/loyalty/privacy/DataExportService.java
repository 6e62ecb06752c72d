package com.loyalty.privacy;

import com.loyalty.member.MemberService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * exportMyData: every record held about the member, one section per kind, as one JSON document.
 * Each section selects by the member's own id only; other members appear neither by id nor by
 * name (an invitation says whether the member invited or was invited, not who).
 */
@Service
public class DataExportService {

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
    private final MemberService members;
    private final ConsentService consents;
    private final JsonMapper json;
    private final Clock clock;

    public DataExportService(DatabaseClient db, MemberService members, ConsentService consents, JsonMapper json,
                             Clock clock) {
        this.db = db;
        this.members = members;
        this.consents = consents;
        this.json = json;
        this.clock = clock;
    }

    public Mono<MyDataExport> export(long memberId) {
        Instant now = clock.instant();
        Mono<ObjectNode> profile = Mono.zip(members.get(memberId), consents.consents(memberId), (m, consent) -> {
            ObjectNode node = json.createObjectNode();
            node.put("id", String.valueOf(m.id()));
            node.put("nickname", m.nickname());
            node.put("avatarUrl", m.avatarUrl());
            node.put("phone", members.maskedPhone(m));
            node.put("birthday", m.birthday() == null ? null : m.birthday().toString());
            node.put("gender", m.gender().name());
            node.put("registeredAt", m.registeredAt().toString());
            node.put("registrationChannel", m.registrationChannel().name());
            node.put("registrationStoreId", m.registrationStoreId() == null ? null : m.registrationStoreId().toString());
            node.put("inviteCode", m.inviteCode());
            node.put("wechatOpenid", m.openid());
            node.put("privacyNoticeVersion", consent.acceptedNoticeVersion());
            node.put("marketingConsent", consent.marketing());
            node.put("closesAt", consent.closesAt() == null ? null : consent.closesAt().toString());
            return node;
        });
        Mono<List<Map.Entry<String, JsonNode>>> sections = Flux.fromIterable(SECTIONS.entrySet())
                .concatMap(s -> db.sql("select coalesce(json_agg(t), '[]')::text as j from (" + s.getValue() + ") t")
                        .bind("m", memberId)
                        .map(row -> Map.entry(s.getKey(), json.readTree(row.get("j", String.class))))
                        .one())
                .collectList();
        return Mono.zip(profile, sections, (profileNode, sectionNodes) -> {
            ObjectNode doc = json.createObjectNode();
            doc.put("generatedAt", now.toString());
            doc.set("profile", profileNode);
            List<MyDataExport.Section> counts = new ArrayList<>();
            counts.add(new MyDataExport.Section("profile", 1));
            for (Map.Entry<String, JsonNode> section : sectionNodes) {
                doc.set(section.getKey(), section.getValue());
                counts.add(new MyDataExport.Section(section.getKey(), section.getValue().size()));
            }
            return new MyDataExport(now, json.writeValueAsString(doc), counts);
        });
    }
}
