package com.loyalty.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Coupon templates and packs as the people who run the programme list, edit and archive them. */
class CouponAdminTest extends IntegrationTest {

    private static final String LIST = "query($f: CouponTemplateFilter, $first: Int, $after: String) { "
            + "couponTemplates(filter: $f, first: $first, after: $after) { totalCount "
            + "edges { node { id name status storeIds usage { issued redeemed remainingStock } } } "
            + "pageInfo { hasNextPage endCursor } } }";
    private static final String ARCHIVE = "mutation($id: ID!) { archiveCouponTemplate(input: { templateId: $id }) { "
            + "template { id status archivedAt } userErrors { field code message } } }";
    private static final String UNARCHIVE = "mutation($id: ID!) { unarchiveCouponTemplate(input: { templateId: $id }) { "
            + "template { id status } userErrors { code } } }";
    private static final String UPDATE = "mutation($input: UpdateCouponTemplateInput!) { updateCouponTemplate(input: $input) { "
            + "template { id name totalStock remainingStock validDays validUntil perMemberLimit pointsPrice } "
            + "userErrors { field code message } } }";
    private static final String ISSUE_PACK = "mutation($m: ID!, $p: ID!, $k: String!) { issueCouponPack(input: { "
            + "memberId: $m, packId: $p, reason: \"回流关怀\", idempotencyKey: $k }) { coupons { id } userErrors { code } } }";

    @Test
    void anArchivedTemplateCannotBeClaimedButHeldCouponsStillWork() {
        String name = unique("下架券");
        String template = template(admin(), name, Map.of());
        HttpGraphQlTester holder = member(unique("holder"));
        claim(holder, template).path("claimCoupon.coupon.id").hasValue();

        admin().document(ARCHIVE).variable("id", template).execute()
                .path("archiveCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("archiveCouponTemplate.template.status").entity(String.class).isEqualTo("ARCHIVED");

        HttpGraphQlTester late = member(unique("late"));
        claim(late, template).path("claimCoupon.userErrors[0].code").entity(String.class).isEqualTo("COUPON_ARCHIVED");
        late.document("{ couponCentre { template { id } } }").execute()
                .path("couponCentre[*].template.id").entityList(String.class).doesNotContain(template);
        admin().document("mutation($m: ID!, $t: ID!) { issueCoupon(input: { memberId: $m, templateId: $t, reason: \"补偿\", "
                        + "idempotencyKey: \"i-1\" }) { userErrors { code } } }")
                .variable("m", idOf(late)).variable("t", template).execute()
                .path("issueCoupon.userErrors[0].code").entity(String.class).isEqualTo("COUPON_ARCHIVED");

        // the coupon already held is still usable at the till
        holder.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1);
        String store = createStore(unique("till"));
        newStaff(store, "CLERK").document("query($m: ID!) { couponsForOrder(input: { memberId: $m, amountCents: 30000 }) "
                        + "{ applicable coupon { template { id } } } }")
                .variable("m", idOf(holder)).execute()
                .path("couponsForOrder[0].applicable").entity(Boolean.class).isEqualTo(true);

        admin().document(UNARCHIVE).variable("id", template).execute()
                .path("unarchiveCouponTemplate.template.status").entity(String.class).isEqualTo("ACTIVE");
        claim(late, template).path("claimCoupon.coupon.id").hasValue();
    }

    @Test
    void templatesAreListedWithFiltersTotalsAndUsage() {
        String prefix = unique("列表");
        HttpGraphQlTester marketer = newMarketer();
        String claimed = template(marketer, prefix + "满减", Map.of("totalStock", 10));
        template(marketer, prefix + "礼品", Map.of("kind", "GIFT", "giftName", "帆布袋", "claimable", false));
        String archived = template(marketer, prefix + "旧券", Map.of());
        marketer.document(ARCHIVE).variable("id", archived).execute();
        claim(member(unique("u1")), claimed);
        claim(member(unique("u2")), claimed);

        marketer.document(LIST).variable("f", Map.of("search", prefix)).execute()
                .path("couponTemplates.totalCount").entity(Integer.class).isEqualTo(3);
        marketer.document(LIST).variable("f", Map.of("search", prefix, "status", "ACTIVE")).execute()
                .path("couponTemplates.totalCount").entity(Integer.class).isEqualTo(2)
                .path("couponTemplates.edges[*].node.name").entityList(String.class)
                .containsExactly(prefix + "礼品", prefix + "满减");
        marketer.document(LIST).variable("f", Map.of("search", prefix, "status", "ARCHIVED")).execute()
                .path("couponTemplates.edges[*].node.id").entityList(String.class).containsExactly(archived);
        marketer.document(LIST).variable("f", Map.of("search", prefix, "kind", "GIFT", "claimable", false)).execute()
                .path("couponTemplates.totalCount").entity(Integer.class).isEqualTo(1);

        GraphQlTester.Response firstPage = marketer.document(LIST).variable("f", Map.of("search", prefix))
                .variable("first", 2).execute();
        firstPage.path("couponTemplates.edges").entityList(Object.class).hasSize(2)
                .path("couponTemplates.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = firstPage.path("couponTemplates.pageInfo.endCursor").entity(String.class).get();
        marketer.document(LIST).variable("f", Map.of("search", prefix)).variable("first", 2).variable("after", cursor)
                .execute().path("couponTemplates.edges[*].node.name").entityList(String.class).containsExactly(prefix + "满减");

        marketer.document("query($id: ID!) { couponTemplate(id: $id) { name usage { issued redeemed remainingStock } } }")
                .variable("id", claimed).execute()
                .path("couponTemplate.usage.issued").entity(Integer.class).isEqualTo(2)
                .path("couponTemplate.usage.redeemed").entity(Integer.class).isEqualTo(0)
                .path("couponTemplate.usage.remainingStock").entity(Integer.class).isEqualTo(8);
        marketer.document("query { couponTemplate(id: 999999999) { id } }").execute()
                .path("couponTemplate").valueIsNull();
        marketer.document(LIST).variable("f", Map.of("search", "x".repeat(65))).execute().errors()
                .expect(e -> "INVALID_INPUT".equals(e.getExtensions().get("code"))).verify();
    }

    @Test
    void aManagerSeesTemplatesUsableAtTheirStoreAndChangesOnlyTheirOwn() {
        String prefix = unique("店券");
        String storeA = createStore(unique("a"));
        String storeB = createStore(unique("b"));
        HttpGraphQlTester manager = newStaff(storeA, "STORE_MANAGER");
        String brandWide = template(admin(), prefix + "通用", Map.of());
        String ours = template(manager, prefix + "本店", Map.of());
        String theirs = template(admin(), prefix + "他店", Map.of("storeIds", List.of(storeB)));

        manager.document(LIST).variable("f", Map.of("search", prefix)).execute()
                .path("couponTemplates.totalCount").entity(Integer.class).isEqualTo(2)
                .path("couponTemplates.edges[*].node.id").entityList(String.class).containsExactly(ours, brandWide);
        manager.document(LIST).variable("f", Map.of("search", prefix, "storeId", storeB)).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        manager.document("query($id: ID!) { couponTemplate(id: $id) { id } }").variable("id", theirs).execute()
                .path("couponTemplate").valueIsNull();
        admin().document(LIST).variable("f", Map.of("search", prefix, "storeId", storeB)).execute()
                .path("couponTemplates.edges[*].node.id").entityList(String.class).containsExactly(theirs, brandWide);

        manager.document(ARCHIVE).variable("id", theirs).execute()
                .path("archiveCouponTemplate.userErrors[0].code").entity(String.class).isEqualTo("COUPON_NOT_FOUND");
        manager.document(ARCHIVE).variable("id", brandWide).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        manager.document(UPDATE).variable("input", Map.of("templateId", brandWide, "name", "改名")).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        manager.document(UPDATE).variable("input", Map.of("templateId", ours, "name", prefix + "本店新名")).execute()
                .path("updateCouponTemplate.template.name").entity(String.class).isEqualTo(prefix + "本店新名");
        manager.document(ARCHIVE).variable("id", ours).execute()
                .path("archiveCouponTemplate.template.status").entity(String.class).isEqualTo("ARCHIVED");
        admin().document("query($id: ID!) { couponTemplate(id: $id) { name } }").variable("id", theirs).execute()
                .path("couponTemplate.name").entity(String.class).isEqualTo(prefix + "他店");
    }

    @Test
    void editingATemplateChangesFutureCouponsOnlyAndIsAuditedWithBeforeAndAfter() {
        String template = template(admin(), unique("改期券"), Map.of("totalStock", 5, "validDays", 30));
        HttpGraphQlTester early = member(unique("early"));
        String heldUntil = claim(early, template).path("claimCoupon.coupon.validUntil").entity(String.class).get();
        claim(member(unique("early2")), template);

        admin().document(UPDATE).variable("input", Map.of("templateId", template, "totalStock", 1)).execute()
                .path("updateCouponTemplate.userErrors[0].field").entityList(String.class).containsExactly("input", "totalStock")
                .path("updateCouponTemplate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        admin().document(UPDATE).variable("input", Map.of("templateId", template, "validDays", 0)).execute()
                .path("updateCouponTemplate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT");
        admin().document(UPDATE).variable("input", Map.of("templateId", template, "totalStock", 3, "validDays", 7,
                        "perMemberLimit", 2, "pointsPrice", 100)).execute()
                .path("updateCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("updateCouponTemplate.template.remainingStock").entity(Integer.class).isEqualTo(1)
                .path("updateCouponTemplate.template.validDays").entity(Integer.class).isEqualTo(7)
                .path("updateCouponTemplate.template.pointsPrice").entity(Long.class).isEqualTo(100L);

        String laterUntil = claim(member(unique("later")), template).path("claimCoupon.coupon.validUntil")
                .entity(String.class).get();
        assertThat(OffsetDateTime.parse(laterUntil)).isBefore(OffsetDateTime.parse(heldUntil).minusDays(20));
        early.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(1);
        early.document("{ me { coupons { edges { node { validUntil } } } } }").execute()
                .path("me.coupons.edges[0].node.validUntil").entity(String.class).isEqualTo(heldUntil);

        admin().document("query($id: ID!) { staffActions(subject: \"COUPON_TEMPLATE\", subjectId: $id) { "
                        + "edges { node { action before after } } } }").variable("id", template).execute()
                .path("staffActions.edges[0].node.action").entity(String.class).isEqualTo("UPDATE_COUPON_TEMPLATE")
                .path("staffActions.edges[0].node.before").entity(String.class).satisfies(b -> assertThat(b).contains("\"validDays\": 30"))
                .path("staffActions.edges[0].node.after").entity(String.class).satisfies(a -> assertThat(a).contains("\"validDays\": 7"))
                .path("staffActions.edges[1].node.action").entity(String.class).isEqualTo("CREATE_COUPON_TEMPLATE");
    }

    @Test
    void anArchivedPackIsNotIssuedAndArchivedTemplatesCannotGoIntoPacks() {
        String prefix = unique("券包");
        HttpGraphQlTester marketer = newMarketer();
        String first = template(marketer, prefix + "一", Map.of());
        String second = template(marketer, prefix + "二", Map.of());
        String pack = pack(marketer, prefix + "回流包", List.of(first));
        HttpGraphQlTester member = member(unique("packed"));

        marketer.document("mutation($p: ID!, $items: [CouponPackItemInput!]) { updateCouponPack(input: { packId: $p, "
                        + "name: \"" + prefix + "新包\", items: $items }) { pack { name items { templateId quantity } status } "
                        + "userErrors { code } } }")
                .variable("p", pack).variable("items", List.of(Map.of("templateId", first, "quantity", 1),
                        Map.of("templateId", second, "quantity", 2))).execute()
                .path("updateCouponPack.pack.name").entity(String.class).isEqualTo(prefix + "新包")
                .path("updateCouponPack.pack.items[*].quantity").entityList(Integer.class).containsExactly(1, 2);

        marketer.document("mutation($p: ID!) { archiveCouponPack(input: { packId: $p }) { pack { status } userErrors { code } } }")
                .variable("p", pack).execute().path("archiveCouponPack.pack.status").entity(String.class).isEqualTo("ARCHIVED");
        admin().document(ISSUE_PACK).variable("m", idOf(member)).variable("p", pack).variable("k", "k-1").execute()
                .path("issueCouponPack.userErrors[0].code").entity(String.class).isEqualTo("COUPON_ARCHIVED");
        marketer.document("mutation($p: ID!, $t: ID!) { updateCouponPack(input: { packId: $p, items: [{ templateId: $t, "
                        + "quantity: 1 }] }) { userErrors { code } } }").variable("p", pack).variable("t", first).execute()
                .path("updateCouponPack.userErrors[0].code").entity(String.class).isEqualTo("COUPON_ARCHIVED");
        marketer.document("query($s: String) { couponPacks(filter: { search: $s, status: ARCHIVED }) { totalCount "
                        + "edges { node { id name } } } }").variable("s", prefix).execute()
                .path("couponPacks.totalCount").entity(Integer.class).isEqualTo(1);

        marketer.document("mutation($p: ID!) { unarchiveCouponPack(input: { packId: $p }) { pack { status } } }")
                .variable("p", pack).execute();
        marketer.document(ARCHIVE).variable("id", second).execute();
        admin().document(ISSUE_PACK).variable("m", idOf(member)).variable("p", pack).variable("k", "k-2").execute()
                .path("issueCouponPack.userErrors[0].code").entity(String.class).isEqualTo("COUPON_ARCHIVED");
        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(0);
        marketer.document("mutation($items: [CouponPackItemInput!]!) { createCouponPack(input: { name: \"新\", items: $items }) "
                        + "{ userErrors { field code } } }").variable("items", List.of(Map.of("templateId", second, "quantity", 1)))
                .execute().path("createCouponPack.userErrors[0].code").entity(String.class).isEqualTo("COUPON_ARCHIVED");

        marketer.document("query($p: ID!) { couponPack(id: $p) { name status items { templateId } } }").variable("p", pack)
                .execute().path("couponPack.status").entity(String.class).isEqualTo("ACTIVE");
        admin().document("query($id: ID!) { staffActions(subject: \"COUPON_PACK\", subjectId: $id) { edges { node { action } } } }")
                .variable("id", pack).execute().path("staffActions.edges[*].node.action").entityList(String.class)
                .containsExactly("UNARCHIVE_COUPON_PACK", "ARCHIVE_COUPON_PACK", "UPDATE_COUPON_PACK", "CREATE_COUPON_PACK");
    }

    @Test
    void aManagerSeesOnlyPacksTheirStoreHonoursAndChangesOnlyTheirOwn() {
        String prefix = unique("店包");
        String storeA = createStore(unique("pa"));
        String storeB = createStore(unique("pb"));
        HttpGraphQlTester manager = newStaff(storeA, "STORE_MANAGER");
        String ours = pack(manager, prefix + "本店", List.of(template(manager, prefix + "本店券", Map.of())));
        String brandWide = pack(admin(), prefix + "通用", List.of(template(admin(), prefix + "通用券", Map.of())));
        String theirs = pack(admin(), prefix + "他店",
                List.of(template(admin(), prefix + "他店券", Map.of("storeIds", List.of(storeB)))));

        manager.document("query($s: String) { couponPacks(filter: { search: $s }) { totalCount edges { node { id } } } }")
                .variable("s", prefix).execute()
                .path("couponPacks.edges[*].node.id").entityList(String.class).containsExactly(brandWide, ours);
        manager.document("query($p: ID!) { couponPack(id: $p) { id } }").variable("p", theirs).execute()
                .path("couponPack").valueIsNull();
        manager.document("mutation($p: ID!) { archiveCouponPack(input: { packId: $p }) { userErrors { code } } }")
                .variable("p", theirs).execute().path("archiveCouponPack.userErrors[0].code").entity(String.class)
                .isEqualTo("PACK_NOT_FOUND");
        manager.document("mutation($p: ID!) { archiveCouponPack(input: { packId: $p }) { userErrors { code } } }")
                .variable("p", brandWide).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        manager.document("mutation($p: ID!) { archiveCouponPack(input: { packId: $p }) { pack { status } } }")
                .variable("p", ours).execute().path("archiveCouponPack.pack.status").entity(String.class).isEqualTo("ARCHIVED");
    }

    private GraphQlTester.Response claim(HttpGraphQlTester member, String template) {
        return member.documentName("claimCoupon").variable("templateId", template).variable("key", unique("k")).execute();
    }

    private static String pack(HttpGraphQlTester staff, String name, List<String> templates) {
        return staff.document("mutation($n: String!, $items: [CouponPackItemInput!]!) { createCouponPack(input: { "
                        + "name: $n, items: $items }) { pack { id } userErrors { code message } } }")
                .variable("n", name)
                .variable("items", templates.stream().map(t -> Map.of("templateId", t, "quantity", 1)).toList()).execute()
                .path("createCouponPack.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponPack.pack.id").entity(String.class).get();
    }

    static String template(HttpGraphQlTester staff, String name, Map<String, Object> overrides) {
        Map<String, Object> input = new HashMap<>(Map.of("name", name, "kind", "AMOUNT_OFF", "amountOffCents", 5_000,
                "thresholdCents", 20_000, "validDays", 30, "claimable", true));
        input.putAll(overrides);
        return staff.documentName("createCouponTemplate").variable("input", input).execute()
                .path("createCouponTemplate.userErrors").entityList(Object.class).hasSize(0)
                .path("createCouponTemplate.template.id").entity(String.class).get();
    }
}
