package com.loyalty.coupon;

import com.loyalty.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class CouponPackTest extends IntegrationTest {

    private static final String ISSUE_PACK = "mutation($m: ID!, $p: ID!, $k: String!) { issueCouponPack(input: { "
            + "memberId: $m, packId: $p, reason: \"回流关怀\", idempotencyKey: $k }) { coupons { id template { name } } "
            + "userErrors { code message } } }";

    @Test
    void aPackGivesAllItsCouponsOnceEvenWhenRepeated() {
        String pack = pack(Map.of(template("满200减50", Map.of()), 1, template("包邮券", Map.of("kind", "SHIPPING", "perMemberLimit", 2)), 2));
        HttpGraphQlTester member = member(unique("back"));

        issue(member, pack, "p-1").path("issueCouponPack.coupons").entityList(Object.class).hasSize(3);
        issue(member, pack, "p-1").path("issueCouponPack.coupons").entityList(Object.class).hasSize(3);

        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void aPackIsGivenWholeOrNotAtAll() {
        String scarce = template("限量礼品", Map.of("kind", "GIFT", "giftName", "帆布袋", "totalStock", 0));
        String pack = pack(Map.of(template("满200减50", Map.of()), 1, scarce, 1));
        HttpGraphQlTester member = member(unique("none"));

        issue(member, pack, "p-1").path("issueCouponPack.userErrors[0].code").entity(String.class)
                .isEqualTo("COUPON_OUT_OF_STOCK");

        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aPackWithACouponTheMemberHoldsUpToItsLimitIsRefusedWithoutGivingIt() {
        String once = template("新客礼", Map.of());
        String pack = pack(Map.of(once, 1, template("满200减50", Map.of()), 1));
        HttpGraphQlTester member = member(unique("holder"));
        member.documentName("claimCoupon").variable("templateId", once).variable("key", unique("claim")).execute()
                .path("claimCoupon.userErrors").entityList(Object.class).hasSize(0);

        issue(member, pack, "p-1").path("issueCouponPack.userErrors[0].code").entity(String.class)
                .isEqualTo("COUPON_LIMIT_REACHED");

        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void theTillSeesWhichCouponsApplyToTheOrderAndWhy() {
        String store = createStore("which");
        HttpGraphQlTester member = member(unique("which"));
        for (String template : List.of(template("满200减50", Map.of()), template("满500减100",
                Map.of("amountOffCents", 10_000, "thresholdCents", 50_000)))) {
            member.documentName("claimCoupon").variable("templateId", template).variable("key", unique("k")).execute();
        }

        newStaff(store, "CLERK").document("query($m: ID!) { couponsForOrder(input: { memberId: $m, amountCents: 30000 }) "
                        + "{ applicable discountCents reason coupon { template { name } } } }")
                .variable("m", idOf(member)).execute()
                .path("couponsForOrder[?(@.applicable == true)].coupon.template.name").entityList(String.class)
                .containsExactly("满200减50")
                .path("couponsForOrder[?(@.applicable == true)].discountCents").entityList(Long.class).containsExactly(5_000L)
                .path("couponsForOrder[?(@.applicable == false)].reason").entityList(String.class)
                .containsExactly("满500减100 适用商品未满 ¥500.00");
    }

    /**
     * The till's coupon list took any numbers: a negative order, lines of minus one piece, and
     * lines whose amounts overflow a long (silently, into a wrong discount). They are a clear
     * BAD_REQUEST (INVALID_INPUT) now.
     */
    @Test
    void couponsForOrderRefusesNegativeAmountsAndLinesThatOverflow() {
        String store = createStore("bounds");
        HttpGraphQlTester clerk = newStaff(store, "CLERK");
        String member = idOf(member(unique("bounds")));
        String query = "query($input: CouponsForOrderInput!) { couponsForOrder(input: $input) { applicable } }";
        List<Map<String, Object>> bad = List.of(
                Map.of("amountCents", -1),
                Map.of("amountCents", 100, "items", List.of(line(-1, 100))),
                Map.of("amountCents", 100, "items", List.of(line(1, -100))),
                Map.of("amountCents", 100, "items", List.of(line(Integer.MAX_VALUE, Long.MAX_VALUE / 2))),
                Map.of("amountCents", 100, "items", List.of(line(1, Long.MAX_VALUE), line(1, 1))));
        for (Map<String, Object> order : bad) {
            Map<String, Object> input = new HashMap<>(order);
            input.put("memberId", member);
            clerk.document(query).variable("input", input).execute().errors()
                    .expect(e -> "INVALID_INPUT".equals(e.getExtensions().get("code")) && !e.getMessage().isBlank())
                    .verify();
        }
        clerk.document(query).variable("input", Map.of("memberId", member, "amountCents", 100,
                "items", List.of(line(1, 100)))).execute().path("couponsForOrder").entityList(Object.class).hasSize(0);
    }

    private static Map<String, Object> line(long quantity, long unitPriceCents) {
        return Map.of("sku", "s", "name", "蛋糕", "quantity", quantity, "unitPriceCents", unitPriceCents);
    }

    @Test
    void aManagerCannotIssueAPackWithACouponLimitedToAnotherStore() {
        String store = createStore("mine");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String mixed = pack(Map.of(template("本店券", Map.of("storeIds", List.of(store))), 1,
                template("他店券", Map.of("storeIds", List.of(createStore("theirs")))), 1));
        String ours = pack(Map.of(template("本店券", Map.of("storeIds", List.of(store))), 1, template("通用券", Map.of()), 1));
        HttpGraphQlTester member = memberOf(store, unique("given"));

        manager.document(ISSUE_PACK).variable("m", idOf(member)).variable("p", mixed).variable("k", "p-1").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(0);

        manager.document(ISSUE_PACK).variable("m", idOf(member)).variable("p", ours).variable("k", "p-2").execute()
                .path("issueCouponPack.coupons").entityList(Object.class).hasSize(2);
        manager.document(ISSUE_PACK).variable("m", idOf(member(unique("elsewhere")))).variable("p", ours).variable("k", "p-3")
                .execute().path("issueCouponPack.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_NOT_FOUND");
    }

    private GraphQlTester.Response issue(HttpGraphQlTester member, String pack, String key) {
        return admin().document(ISSUE_PACK).variable("m", idOf(member)).variable("p", pack).variable("k", key).execute();
    }

    private String pack(Map<String, Integer> templates) {
        List<Map<String, Object>> items = templates.entrySet().stream()
                .map(e -> Map.<String, Object>of("templateId", e.getKey(), "quantity", e.getValue())).toList();
        return admin().document("mutation($items: [CouponPackItemInput!]!) { createCouponPack(input: { "
                        + "name: \"回流专属券包\", items: $items }) { pack { id } userErrors { code message } } }")
                .variable("items", items).execute()
                .path("createCouponPack.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponPack.pack.id").entity(String.class).get();
    }

    private String template(String name, Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "kind", "AMOUNT_OFF", "amountOffCents", 5_000,
                "thresholdCents", 20_000, "validDays", 30, "claimable", true));
        input.putAll(overrides);
        return admin().documentName("createCouponTemplate").variable("input", input).execute()
                .path("createCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponTemplate.template.id").entity(String.class).get();
    }
}
