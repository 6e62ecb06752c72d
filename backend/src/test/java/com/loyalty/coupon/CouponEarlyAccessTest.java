package com.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Early access to a coupon of the coupon centre (优先领): nobody before the early start, then only
 * the members of its early tiers, then everyone; those members told once, with consent; the settings
 * edited and audited like the rest of the coupon, never taking back a coupon already claimed.
 * Tiers of the seeded rules: 0 普通, 1 银卡, 2 金卡, 3 黑钻.
 */
class CouponEarlyAccessTest extends IntegrationTest {

    private static final String CLAIM = """
            mutation($t: ID!, $k: String!) { claimCoupon(input: { templateId: $t, idempotencyKey: $k }) {
              coupon { id } opensAt userErrors { field code message } } }""";
    private static final String EXCHANGE = """
            mutation($t: ID!, $k: String!) { exchangeCoupon(input: { templateId: $t, idempotencyKey: $k }) {
              coupon { id } opensAt userErrors { field code message } } }""";
    private static final String CENTRE = """
            { couponCentre { available early opensAt template { id claimPhase earlyAccess { tierNames } } } }""";
    private static final String UPDATE = """
            mutation($input: UpdateCouponTemplateInput!) { updateCouponTemplate(input: $input) {
              template { id claimPhase earlyAccess { tierLevels tierNames earlyFrom generalFrom } }
              userErrors { field code message } } }""";

    @Autowired
    CouponService coupons;

    HttpGraphQlTester marketer;
    Instant earlyFrom;
    Instant generalFrom;

    @BeforeEach
    void times() {
        marketer = newMarketer();
        // minutes apart, so that sign-ins (15 minutes) outlive the whole story
        earlyFrom = clock.instant().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        generalFrom = earlyFrom.plus(Duration.ofMinutes(5));
    }

    @Test
    void aCouponOpensToItsEarlyTiersAtTheEarlyStartAndToEveryoneAtTheGeneralStart() {
        String template = earlyCoupon(Map.of("totalStock", 100));
        HttpGraphQlTester gold = memberAt(2);
        HttpGraphQlTester black = memberAt(3);
        HttpGraphQlTester silver = memberAt(1);
        HttpGraphQlTester plain = memberAt(0);

        // before the early start nobody may claim; each is told when they may
        assertNotYetOpen(claim(gold, template, "g-1"), earlyFrom, "起金卡、黑钻会员优先领取");
        assertNotYetOpen(claim(silver, template, "s-1"), generalFrom, "开放领取");
        clock.setTo(earlyFrom.minusSeconds(1));
        assertNotYetOpen(claim(black, template, "b-1"), earlyFrom, "优先领取");
        assertThat(centreEntry(gold, template)).containsEntry("available", false).containsEntry("early", false)
                .containsEntry("opensAt", earlyFrom).containsEntry("claimPhase", "NOT_OPEN");

        // at the early start: the early tiers, and only they
        clock.setTo(earlyFrom);
        assertThat(claim(gold, template, "g-2").path("claimCoupon.coupon.id").entity(String.class).get()).isNotBlank();
        assertThat(claim(black, template, "b-2").path("claimCoupon.coupon.id").entity(String.class).get()).isNotBlank();
        assertNotYetOpen(claim(silver, template, "s-2"), generalFrom, "现在仅金卡、黑钻会员可优先领取");
        assertNotYetOpen(claim(plain, template, "p-2"), generalFrom, "开放领取");
        Map<String, Object> forSilver = centreEntry(silver, template);
        assertThat(forSilver).containsEntry("available", false).containsEntry("early", false)
                .containsEntry("opensAt", generalFrom).containsEntry("claimPhase", "EARLY");
        assertThat(forSilver.get("template").toString()).contains("tierNames=[金卡, 黑钻]");
        HttpGraphQlTester goldAgain = memberAt(2);
        assertThat(centreEntry(goldAgain, template)).containsEntry("available", true).containsEntry("early", true)
                .containsEntry("opensAt", null);

        // a second before everyone: still the early tiers only
        clock.setTo(generalFrom.minusSeconds(1));
        assertNotYetOpen(claim(silver, template, "s-3"), generalFrom, "开放领取");

        // at the general start: everyone, the other limits unchanged (one each)
        clock.setTo(generalFrom);
        assertThat(claim(silver, template, "s-4").path("claimCoupon.coupon.id").entity(String.class).get()).isNotBlank();
        assertThat(claim(plain, template, "p-4").path("claimCoupon.coupon.id").entity(String.class).get()).isNotBlank();
        claim(gold, template, "g-4").path("claimCoupon.userErrors[0].code").entity(String.class)
                .isEqualTo("COUPON_LIMIT_REACHED");
        assertThat(centreEntry(goldAgain, template)).containsEntry("early", false).containsEntry("claimPhase", "OPEN");
        assertThat(issued(template)).isEqualTo(4);
    }

    @Test
    void buyingWithPointsWaitsForTheSameOpeningButStaffMayIssueAtAnyTime() {
        String template = earlyCoupon(Map.of("claimable", false, "pointsPrice", 10));
        HttpGraphQlTester silver = memberAt(1);

        silver.document(EXCHANGE).variable("t", template).variable("k", "x-1").execute()
                .path("exchangeCoupon.userErrors[0].code").entity(String.class).isEqualTo("COUPON_NOT_YET_OPEN")
                .path("exchangeCoupon.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains("开放兑换"))
                .path("exchangeCoupon.opensAt").entity(String.class).satisfies(at -> assertThat(instant(at)).isEqualTo(generalFrom));

        admin().document("mutation($m: ID!, $t: ID!) { issueCoupon(input: { memberId: $m, templateId: $t, reason: \"补偿\", "
                        + "idempotencyKey: \"early-issue\" }) { coupon { id } userErrors { code } } }")
                .variable("m", idOf(silver)).variable("t", template).execute()
                .path("issueCoupon.userErrors").entityList(Object.class).hasSize(0)
                .path("issueCoupon.coupon.id").hasValue();
    }

    @Test
    void aMixedCrowdClaimingAtOnceInTheEarlyPhaseGivesCouponsToEarlyTiersOnlyAndNeverAboveTheStock() {
        String template = earlyCoupon(Map.of("totalStock", 60));
        long id = Long.parseLong(template);
        long brand = db.sql("select brand_id from coupon_template where id = :t").bind("t", id)
                .map(r -> r.get("brand_id", Long.class)).one().block(PATIENCE);
        List<Viewer> early = crowd(brand, 100, 2, 3);
        List<Viewer> others = crowd(brand, 200, 0, 1);
        clock.setTo(earlyFrom.plusSeconds(1));

        Map<Long, String> told = new ConcurrentHashMap<>();
        Flux.concat(Flux.fromIterable(early), Flux.fromIterable(others))
                .collectList().flatMapMany(all -> {
                    java.util.Collections.shuffle(all);
                    return Flux.fromIterable(all);
                })
                .flatMap(m -> coupons.claim(m, id, "rush").map(c -> "OK")
                        .onErrorResume(BusinessException.class, e -> Mono.just(e.error().code().name()))
                        .doOnNext(outcome -> told.put(m.id(), outcome)), 64)
                .then().block(Duration.ofMinutes(2));

        assertThat(early).allSatisfy(m -> assertThat(told.get(m.id())).isIn("OK", "COUPON_OUT_OF_STOCK"));
        assertThat(others).allSatisfy(m -> assertThat(told.get(m.id())).isEqualTo("COUPON_NOT_YET_OPEN"));
        assertThat(told.values().stream().filter("OK"::equals)).hasSize(60);
        assertThat(issued(template)).isEqualTo(60);
        Long outside = db.sql("""
                        select count(*) as n from member_coupon c left join member_tier t on t.member_id = c.member_id
                        where c.template_id = :t and coalesce(t.level, 0) not in (2, 3)
                        """).bind("t", id).map(r -> r.get("n", Long.class)).one().block(PATIENCE);
        assertThat(outside).as("coupons held by members outside the early tiers").isZero();
        Long slots = db.sql("select count(distinct stock_slot) as n from member_coupon where template_id = :t and stock_slot <= 60")
                .bind("t", id).map(r -> r.get("n", Long.class)).one().block(PATIENCE);
        assertThat(slots).isEqualTo(60);
    }

    @Test
    void consentingMembersOfTheEarlyTiersAreToldOnceWhenTheEarlyAccessOpens() {
        String template = earlyCoupon(Map.of());
        String gold = idOf(memberAt(2));
        String goldNoMarketing = idOf(memberAt(2));
        marketingOff(goldNoMarketing);
        String silver = idOf(memberAt(1));
        String black = idOf(memberAt(3));

        runJob();
        assertThat(toldAbout(template)).as("before the early start").isEmpty();

        clock.setTo(earlyFrom.plusSeconds(1));
        runJob();
        runJob();
        // (members of other tests in the same brand may be told too)
        assertThat(toldAbout(template)).contains(gold, black).doesNotContain(goldNoMarketing, silver)
                .doesNotHaveDuplicates();
        int before = toldAbout(template).size();

        // a run stopped before it marked the coupon (or run again on another instance) tells nobody twice
        db.sql("update coupon_template set early_notice_levels = null where id = " + template).then().block(PATIENCE);
        List<String> twice = inParallel(2, i -> admin().documentName("runJob").variable("job", "COUPON_EARLY_ACCESS")
                .execute().path("runJob.summary").entity(String.class).get());
        assertThat(twice).allSatisfy(s -> assertThat(s).matches("queued 0 .*|skipped.*"));
        assertThat(toldAbout(template)).hasSize(before);

        // a tier added later is told; nobody already told hears it again
        marketer.document(UPDATE).variable("input", Map.of("templateId", template, "earlyAccess",
                        Map.of("tierLevels", List.of(1, 2, 3), "earlyFrom", earlyFrom.toString(),
                                "generalFrom", generalFrom.toString()))).execute()
                .path("updateCouponTemplate.userErrors").entityList(Object.class).hasSize(0);
        runJob();
        assertThat(toldAbout(template)).contains(gold, black, silver).doesNotContain(goldNoMarketing)
                .doesNotHaveDuplicates();
        assertThat(db.sql("select payload from notification_outbox where dedupe_key = :k")
                .bind("k", "coupon-early:" + template + ":" + gold).map(r -> r.get("payload", String.class)).one()
                .block(PATIENCE)).contains("金卡、黑钻").contains(generalFrom.toString());
        assertThat(db.sql("select count(*) as n from notification_outbox where kind = 'COUPON_EARLY_ACCESS' and channel = 'SMS'"
                        + " and dedupe_key like :k").bind("k", "coupon-early:" + template + ":%")
                .map(r -> r.get("n", Long.class)).one().block(PATIENCE)).isEqualTo(toldAbout(template).size());
    }

    @Test
    void earlyAccessIsCheckedEditedAndAuditedAndNeverTakesBackACouponAlreadyClaimed() {
        String template = CouponAdminTest.template(marketer, unique("先领券"), Map.of("totalStock", 10));
        HttpGraphQlTester first = memberAt(0);
        assertThat(claim(first, template, "before").path("claimCoupon.coupon.id").entity(String.class).get()).isNotBlank();

        assertRefused(template, Map.of("tierLevels", List.of(), "earlyFrom", earlyFrom.toString(),
                "generalFrom", generalFrom.toString()), "tierLevels");
        assertRefused(template, Map.of("tierLevels", List.of(0, 2), "earlyFrom", earlyFrom.toString(),
                "generalFrom", generalFrom.toString()), "tierLevels");
        assertRefused(template, Map.of("tierLevels", List.of(9), "earlyFrom", earlyFrom.toString(),
                "generalFrom", generalFrom.toString()), "tierLevels");
        assertRefused(template, Map.of("tierLevels", List.of(2), "earlyFrom", generalFrom.toString(),
                "generalFrom", earlyFrom.toString()), "generalFrom");
        assertRefused(template, Map.of("tierLevels", List.of(2), "earlyFrom", earlyFrom.toString(),
                "generalFrom", earlyFrom.plus(Duration.ofDays(4000)).toString()), "generalFrom");
        String notInCentre = CouponAdminTest.template(marketer, unique("仅发放"), Map.of("claimable", false));
        assertRefused(notInCentre, Map.of("tierLevels", List.of(2), "earlyFrom", earlyFrom.toString(),
                "generalFrom", generalFrom.toString()), "tierLevels");
        String forGold = CouponAdminTest.template(marketer, unique("金卡券"), Map.of("minTierLevel", 2));
        assertRefused(forGold, Map.of("tierLevels", List.of(1, 3), "earlyFrom", earlyFrom.toString(),
                "generalFrom", generalFrom.toString()), "tierLevels");

        marketer.document(UPDATE).variable("input", Map.of("templateId", template, "earlyAccess",
                        Map.of("tierLevels", List.of(3, 2, 3), "earlyFrom", earlyFrom.toString(),
                                "generalFrom", generalFrom.toString()))).execute()
                .path("updateCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("updateCouponTemplate.template.claimPhase").entity(String.class).isEqualTo("NOT_OPEN")
                .path("updateCouponTemplate.template.earlyAccess.tierLevels").entityList(Integer.class).containsExactly(2, 3)
                .path("updateCouponTemplate.template.earlyAccess.tierNames").entityList(String.class).containsExactly("金卡", "黑钻");

        // the coupon claimed before stays; a newcomer now waits
        first.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1);
        assertNotYetOpen(claim(memberAt(0), template, "after"), generalFrom, "开放领取");
        admin().document("query($id: ID!) { staffActions(subject: \"COUPON_TEMPLATE\", subjectId: $id) { "
                        + "edges { node { action before after } } } }").variable("id", template).execute()
                .path("staffActions.edges[0].node.action").entity(String.class).isEqualTo("UPDATE_COUPON_TEMPLATE")
                .path("staffActions.edges[0].node.before").entity(String.class)
                .satisfies(b -> assertThat(b).contains("\"earlyAccess\": null"))
                .path("staffActions.edges[0].node.after").entity(String.class)
                .satisfies(a -> assertThat(a).contains("\"tierLevels\": [2, 3]"));

        // taken off again: open to everyone at once
        marketer.document(UPDATE).variable("input", Map.of("templateId", template, "clearEarlyAccess", true)).execute()
                .path("updateCouponTemplate.template.earlyAccess").valueIsNull()
                .path("updateCouponTemplate.template.claimPhase").entity(String.class).isEqualTo("OPEN");
        assertThat(claim(memberAt(0), template, "cleared").path("claimCoupon.coupon.id").entity(String.class).get())
                .isNotBlank();
    }

    // ---------------------------------------------------------------------------------------------

    private String earlyCoupon(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("earlyAccess", Map.of("tierLevels", List.of(2, 3),
                "earlyFrom", earlyFrom.toString(), "generalFrom", generalFrom.toString())));
        input.putAll(overrides);
        return CouponAdminTest.template(marketer, unique("优先券"), input);
    }

    /** A member signed in now, at this tier level. */
    private HttpGraphQlTester memberAt(int level) {
        HttpGraphQlTester member = member(unique("tier" + level));
        if (level > 0) {
            db.sql("insert into member_tier (member_id, level, since) values (:m, :l, now())")
                    .bind("m", Long.parseLong(idOf(member))).bind("l", level).then().block(PATIENCE);
        }
        return member;
    }

    /** {@code n} members of the brand, inserted at once, at these tier levels in turn. */
    private List<Viewer> crowd(long brand, int n, int... levels) {
        String tag = unique("crowd");
        List<Viewer> members = db.sql("""
                        insert into member (brand_id, app_id, openid, registered_at, registration_channel, invite_code)
                        select :b, 'early-app', :tag || '-' || g, now(), 'IMPORT', :tag || '-' || g
                        from generate_series(1, :n) g
                        returning id
                        """)
                .bind("b", brand).bind("tag", tag).bind("n", n)
                .map(r -> new Viewer(r.get("id", Long.class), Role.MEMBER, null, brand)).all().collectList()
                .block(PATIENCE);
        Long[] ids = members.stream().map(Viewer::id).toArray(Long[]::new);
        Integer[] levelOf = java.util.stream.IntStream.range(0, ids.length).mapToObj(i -> levels[i % levels.length])
                .toArray(Integer[]::new);
        db.sql("""
                        insert into member_tier (member_id, level, since)
                        select m, l, now() from unnest(cast(:ids as bigint[]), cast(:levels as int[])) as t(m, l) where l > 0
                        """)
                .bind("ids", ids).bind("levels", levelOf).then().block(PATIENCE);
        return members;
    }

    private GraphQlTester.Response claim(HttpGraphQlTester member, String template, String key) {
        return member.document(CLAIM).variable("t", template).variable("k", key).execute();
    }

    private static void assertNotYetOpen(GraphQlTester.Response answer, Instant opensAt, String saying) {
        answer.path("claimCoupon.coupon").valueIsNull()
                .path("claimCoupon.userErrors[0].code").entity(String.class).isEqualTo("COUPON_NOT_YET_OPEN")
                .path("claimCoupon.userErrors[0].message").entity(String.class).satisfies(m -> assertThat(m).contains(saying))
                .path("claimCoupon.opensAt").entity(String.class).satisfies(at -> assertThat(instant(at)).isEqualTo(opensAt));
    }

    /** The template's entry in the member's coupon centre: available, early, opensAt, claimPhase. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> centreEntry(HttpGraphQlTester member, String template) {
        List<Map<String, Object>> centre = (List<Map<String, Object>>) (List<?>) member.document(CENTRE).execute()
                .path("couponCentre").entityList(Map.class).get();
        Map<String, Object> entry = centre.stream().filter(e -> template.equals(((Map<String, Object>) e.get("template")).get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("coupon " + template + " not in the centre"));
        Map<String, Object> flat = new HashMap<>(entry);
        flat.put("claimPhase", ((Map<String, Object>) entry.get("template")).get("claimPhase"));
        flat.put("opensAt", entry.get("opensAt") == null ? null : instant((String) entry.get("opensAt")));
        return flat;
    }

    private void assertRefused(String template, Map<String, Object> early, String field) {
        marketer.document(UPDATE).variable("input", Map.of("templateId", template, "earlyAccess", early)).execute()
                .path("updateCouponTemplate.template").valueIsNull()
                .path("updateCouponTemplate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("updateCouponTemplate.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "earlyAccess", field);
    }

    private void marketingOff(String memberId) {
        db.sql("update member set marketing_consent = false where id = :m").bind("m", Long.parseLong(memberId))
                .then().block(PATIENCE);
    }

    private void runJob() {
        admin().documentName("runJob").variable("job", "COUPON_EARLY_ACCESS").execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("queued"));
    }

    /** The members queued a message about this coupon's early access. */
    private List<String> toldAbout(String template) {
        return db.sql("select member_id from notification_outbox where dedupe_key like :k order by member_id")
                .bind("k", "coupon-early:" + template + ":%").map(r -> String.valueOf(r.get("member_id", Long.class)))
                .all().collectList().block(PATIENCE);
    }

    private long issued(String template) {
        return db.sql("select count(*) as n from member_coupon where template_id = :t").bind("t", Long.parseLong(template))
                .map(r -> r.get("n", Long.class)).one().block(PATIENCE);
    }

    private static Instant instant(String at) {
        return OffsetDateTime.parse(at).toInstant();
    }
}
