package com.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class CouponTest extends IntegrationTest {

    @Test
    void twoHundredParallelClaimsOnAStockOfFiftyGiveExactlyFifty() {
        String template = template(Map.of("totalStock", 50));
        List<HttpGraphQlTester> members = IntStream.range(0, 200).mapToObj(i -> member(unique("crowd"))).toList();

        List<String> outcomes = inParallel(200, i -> firstCode(claim(members.get(i), template, "k")));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(50);
        assertThat(outcomes).filteredOn("COUPON_OUT_OF_STOCK"::equals).hasSize(150);
        Long held = db.sql("select count(*) as n from member_coupon where template_id = :t")
                .bind("t", Long.parseLong(template)).map(row -> row.get("n", Long.class)).one().block();
        assertThat(held).isEqualTo(50);
    }

    @Test
    void theLimitPerMemberHoldsUnderParallelClaims() {
        String template = template(Map.of("perMemberLimit", 2));
        HttpGraphQlTester member = member(unique("greedy"));

        List<String> outcomes = inParallel(20, i -> firstCode(claim(member, template, "k-" + i)));

        assertThat(outcomes).filteredOn("OK"::equals).hasSize(2);
        assertThat(outcomes).filteredOn("COUPON_LIMIT_REACHED"::equals).hasSize(18);
        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void repeatingAClaimReturnsTheSameCouponAndTakesStockOnce() {
        String template = template(Map.of("totalStock", 5));
        HttpGraphQlTester member = member(unique("again"));

        String first = claim(member, template, "same").path("claimCoupon.coupon.id").entity(String.class).get();
        String second = claim(member, template, "same").path("claimCoupon.coupon.id").entity(String.class).get();

        assertThat(second).isEqualTo(first);
        member.document("{ couponCentre { template { id remainingStock } held available } }").execute()
                .path("couponCentre[?(@.template.id == '" + template + "')].template.remainingStock")
                .entityList(Integer.class).containsExactly(4)
                .path("couponCentre[?(@.template.id == '" + template + "')].available")
                .entityList(Boolean.class).containsExactly(false);
    }

    @Test
    void aCouponBoughtWithPointsGoesThroughTheLedger() {
        String template = template(Map.of("claimable", false, "pointsPrice", 200));
        HttpGraphQlTester member = member(unique("buyer"));
        new Till(newStaff(createStore("pts"), "CLERK")).earn(idOf(member), "E-1", 30_000);

        claim(member, template, "free").path("claimCoupon.userErrors[0].code").entity(String.class)
                .isEqualTo("COUPON_NOT_AVAILABLE");
        member.documentName("exchangeCoupon").variable("templateId", template).variable("key", "buy-1").execute()
                .path("exchangeCoupon.coupon.status").entity(String.class).isEqualTo("USABLE");
        member.documentName("exchangeCoupon").variable("templateId", template).variable("key", "buy-2").execute()
                .path("exchangeCoupon.userErrors[0].code").entity(String.class).isEqualTo("COUPON_LIMIT_REACHED");

        member.documentName("myPoints").execute()
                .path("me.pointsBalance").entity(Long.class).isEqualTo(100L)
                .path("me.pointsHistory.edges[0].node.kind").entity(String.class).isEqualTo("COUPON_EXCHANGE");
    }

    @Test
    void notEnoughPointsBuysNothing() {
        String template = template(Map.of("claimable", false, "pointsPrice", 500, "totalStock", 3));
        HttpGraphQlTester member = member(unique("poor"));

        member.documentName("exchangeCoupon").variable("templateId", template).variable("key", "x").execute()
                .path("exchangeCoupon.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_POINTS");

        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(0);
        Long issued = db.sql("select count(*) as n from member_coupon where template_id = :t")
                .bind("t", Long.parseLong(template)).map(row -> row.get("n", Long.class)).one().block();
        assertThat(issued).isZero();
    }

    @Test
    void aCouponNeedsTheTierItAsksFor() {
        String template = template(Map.of("minTierLevel", 2));
        claim(member(unique("low")), template, "k").path("claimCoupon.userErrors[0].code").entity(String.class)
                .isEqualTo("COUPON_TIER_TOO_LOW");
    }

    @Test
    void couponsValidForDaysExpire() {
        String template = template(Map.of("validDays", 7));
        String name = unique("keeper");
        claim(member(name), template, "k");

        clock.advance(Duration.ofDays(8));

        HttpGraphQlTester member = member(name);
        member.documentName("myCoupons").variable("status", "USABLE").execute()
                .path("me.coupons.totalCount").entity(Integer.class).isEqualTo(0);
        member.documentName("myCoupons").variable("status", "EXPIRED").execute()
                .path("me.coupons.edges[0].node.status").entity(String.class).isEqualTo("EXPIRED");
    }

    @Test
    void membersAreRemindedOnceThreeDaysBeforeACouponExpires() {
        String template = template(Map.of("validDays", 7, "name", "七日券"));
        HttpGraphQlTester member = member(unique("remind"));
        claim(member, template, "k");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String memberId = idOf(member);

        for (java.time.LocalDate day : List.of(today.plusDays(2), today.plusDays(5), today.plusDays(6))) {
            // jobs run only for days that have come
            clock.setTo(day.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
            admin().documentName("runJob").variable("job", "COUPON_REMINDERS").variable("asOf", day.toString())
                    .execute().path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("queued"));
        }

        List<String> reminders = db.sql("select payload from notification_outbox where member_id = :m "
                        + "and kind = 'COUPON_EXPIRING'")
                .bind("m", Long.parseLong(memberId)).map(row -> row.get("payload", String.class))
                .all().collectList().block();
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0)).contains("七日券");
    }

    @Test
    void managersIssueCouponsWithAReasonOnlyToTheirStoresMembers() {
        String store = createStore("issue");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String template = manager.documentName("createCouponTemplate").variable("input", base(Map.of())).execute()
                .path("createCouponTemplate.template.storeIds").entityList(String.class).containsExactly(store)
                .path("createCouponTemplate.template.id").entity(String.class).get();
        manager.documentName("createCouponTemplate")
                .variable("input", base(Map.of("storeIds", List.of(createStore("other"))))).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        HttpGraphQlTester member = memberOf(store, unique("given"));
        manager.document("mutation($m: ID!, $t: ID!) { issueCoupon(input: { memberId: $m, templateId: $t, "
                        + "reason: \"投诉补偿\", idempotencyKey: \"i-0\" }) { coupon { source } userErrors { code } } }")
                .variable("m", idOf(member(unique("elsewhere")))).variable("t", template).execute()
                .path("issueCoupon.coupon").valueIsNull()
                .path("issueCoupon.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_NOT_FOUND");

        manager.document("mutation($m: ID!, $t: ID!) { issueCoupon(input: { memberId: $m, templateId: $t, "
                        + "reason: \"投诉补偿\", idempotencyKey: \"i-1\" }) { coupon { source } userErrors { code } } }")
                .variable("m", idOf(member)).variable("t", template).execute()
                .path("issueCoupon.coupon.source").entity(String.class).isEqualTo("ISSUE");
        newStaff(store, "CLERK").document("mutation($m: ID!, $t: ID!) { issueCoupon(input: { memberId: $m, "
                        + "templateId: $t, reason: \"x\", idempotencyKey: \"i-2\" }) { coupon { id } } }")
                .variable("m", idOf(member)).variable("t", template).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        Long audited = db.sql("select count(*) as n from staff_audit where action = 'ISSUE_COUPON' and member_id = :m")
                .bind("m", Long.parseLong(idOf(member))).map(row -> row.get("n", Long.class)).one().block();
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aManagerCannotIssueACouponLimitedToAnotherStore() {
        String store = createStore("mine");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String theirs = template(Map.of("storeIds", List.of(createStore("theirs"))));
        String ours = template(Map.of("storeIds", List.of(store)));
        String everywhere = template(Map.of());
        HttpGraphQlTester member = memberOf(store, unique("given"));
        String issue = "mutation($m: ID!, $t: ID!, $k: String!) { issueCoupon(input: { memberId: $m, templateId: $t, "
                + "reason: \"投诉补偿\", idempotencyKey: $k }) { coupon { id } userErrors { code } } }";

        manager.document(issue).variable("m", idOf(member)).variable("t", theirs).variable("k", "i-1").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(0);

        for (String template : List.of(ours, everywhere)) {
            manager.document(issue).variable("m", idOf(member)).variable("t", template).variable("k", template)
                    .execute().path("issueCoupon.coupon.id").hasValue();
        }
    }

    @Test
    void badTemplatesAreUserErrors() {
        Map<String, Object> noAmount = base(Map.of());
        noAmount.remove("amountOffCents");
        admin().documentName("createCouponTemplate").variable("input", noAmount).execute()
                .path("createCouponTemplate.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "amountOffCents");
        Map<String, Object> bothValidities = base(Map.of("validUntil", "2099-01-01T00:00:00+08:00"));
        admin().documentName("createCouponTemplate").variable("input", bothValidities).execute()
                .path("createCouponTemplate.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "validUntil");
    }

    /**
     * Numbers that belong to another kind of coupon (a percentage on an amount-off coupon) are
     * stored too: out of range they are INVALID_INPUT on their field, never a database error.
     */
    @Test
    void outOfRangeNumbersOfATemplateAreUserErrorsWhateverItsKind() {
        Map<String, Object> cases = Map.of("thresholdCents", -1, "percentOff", 0, "maxDiscountCents", 0,
                "amountOffCents", -5, "minTierLevel", -1);
        cases.forEach((field, value) -> {
            Map<String, Object> input = base(Map.of(field, value));
            input.put("kind", field.equals("amountOffCents") ? "PERCENT_OFF" : "AMOUNT_OFF");
            input.put("percentOff", field.equals("percentOff") ? value : 10);
            admin().documentName("createCouponTemplate").variable("input", input).execute()
                    .path("createCouponTemplate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                    .path("createCouponTemplate.userErrors[0].field").entityList(String.class)
                    .containsExactly("input", field);
        });
        admin().documentName("createCouponTemplate").variable("input", base(Map.of("percentOff", 100))).execute()
                .path("createCouponTemplate.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "percentOff");
    }

    /**
     * A template valid for more days than a date can hold made every claim of it an INTERNAL_ERROR
     * (the coupon's end could not be stored); amounts and prices past what a till takes are
     * refused too. Ten years and 10 million yuan still go through.
     */
    @Test
    void aTemplateValidForTooManyDaysOrWorthTooMuchIsRefusedBeforeAnyClaim() {
        Map<String, Object> cases = Map.of("validDays", Integer.MAX_VALUE, "amountOffCents", Long.MAX_VALUE,
                "thresholdCents", Long.MAX_VALUE, "pointsPrice", Long.MAX_VALUE, "maxDiscountCents", 1_000_000_001L);
        cases.forEach((field, value) -> admin().documentName("createCouponTemplate")
                .variable("input", base(field.equals("amountOffCents") ? Map.of(field, value, "thresholdCents", 0)
                        : Map.of(field, value))).execute()
                .path("createCouponTemplate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("createCouponTemplate.userErrors[0].field").entityList(String.class).containsExactly("input", field));

        String longest = template(Map.of("validDays", 3660, "amountOffCents", 1_000_000_000L, "thresholdCents", 0));
        claim(member(unique("ten-years")), longest, "k").path("claimCoupon.userErrors").entityList(Object.class)
                .hasSize(0).path("claimCoupon.coupon.validUntil").hasValue();
    }

    private String template(Map<String, Object> overrides) {
        return admin().documentName("createCouponTemplate").variable("input", base(overrides)).execute()
                .path("createCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponTemplate.template.id").entity(String.class).get();
    }

    /** 满200减50, valid 30 days after claiming, unless overridden. */
    private static Map<String, Object> base(Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", "满200减50", "kind", "AMOUNT_OFF",
                "amountOffCents", 5_000, "thresholdCents", 20_000, "validDays", 30));
        input.putAll(overrides);
        return input;
    }

    private static GraphQlTester.Response claim(HttpGraphQlTester member, String template, String key) {
        return member.documentName("claimCoupon").variable("templateId", template).variable("key", key).execute();
    }

    private static String firstCode(GraphQlTester.Response response) {
        return response.path("claimCoupon.userErrors[*].code").entityList(String.class).get().stream()
                .findFirst().orElse("OK");
    }
}
