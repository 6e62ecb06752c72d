package com.loyalty.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A store manager runs one store; brand-wide things (tag definitions, automation rules, packs of
 * brand-wide coupons) belong to a marketer or the admin (issue 22). Campaigns: CampaignBudgetAndPowersTest.
 */
class StaffPowersTest extends IntegrationTest {

    @Test
    void anAdminCreatesAMarketerWithoutAStore() {
        String username = unique("mkt");
        admin().documentName("createStaff").variable("input", Map.of("username", username,
                        "password", STAFF_PASSWORD, "role", "MARKETER")).execute()
                .path("createStaff.userErrors").entityList(Object.class).hasSize(0)
                .path("createStaff.staff.role").entity(String.class).isEqualTo("MARKETER")
                .path("createStaff.staff.storeId").valueIsNull();
        admin().documentName("createStaff").variable("input", Map.of("username", unique("mkt"),
                        "password", STAFF_PASSWORD, "role", "MARKETER", "storeId", createStore("mkt"))).execute()
                .path("createStaff.userErrors[0].field").entityList(String.class).containsExactly("input", "storeId");
        admin().documentName("createStaff").variable("input", Map.of("username", unique("clerk"),
                        "password", STAFF_PASSWORD, "role", "CLERK")).execute()
                .path("createStaff.userErrors[0].field").entityList(String.class).containsExactly("input", "storeId");
        staff(username, STAFF_PASSWORD).documentName("currentStaff").execute()
                .path("currentStaff.role").entity(String.class).isEqualTo("MARKETER");
    }

    @Test
    void aStoreManagerCannotCreateATagDefinition() {
        HttpGraphQlTester manager = newStaff(createStore("tag-mgr"), "STORE_MANAGER");
        forbidden(manager.documentName("createTag").variable("input", Map.of("name", unique("店长标签"))).execute());
        String tag = newMarketer().documentName("createTag").variable("input", Map.of("name", unique("市场标签")))
                .execute().path("createTag.tag.id").entity(String.class).get();
        forbidden(manager.documentName("updateTag").variable("input", Map.of("tagId", tag, "name", unique("改名")))
                .execute());
        forbidden(manager.document("mutation($t: ID!) { deleteTag(input: { tagId: $t }) { deletedTagId userErrors { code } } }")
                .variable("t", tag).execute());
        assertThat(db.sql("select count(*) as n from tag where id = :t").bind("t", Long.parseLong(tag))
                .map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
    }

    @Test
    void aStoreManagerCannotChangeAnAutomationRule() {
        HttpGraphQlTester manager = newStaff(createStore("auto-mgr"), "STORE_MANAGER");
        forbidden(manager.documentName("updateAutomationRule")
                .variable("input", Map.of("rule", "DORMANT_30", "enabled", false)).execute());
        newMarketer().documentName("updateAutomationRule")
                .variable("input", Map.of("rule", "DORMANT_30", "enabled", true)).execute()
                .path("updateAutomationRule.userErrors").entityList(Object.class).hasSize(0)
                .path("updateAutomationRule.rule.enabled").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void aStoreManagerCannotCreateABrandWideCouponPack() {
        String store = createStore("pack-mgr");
        HttpGraphQlTester manager = newStaff(store, "STORE_MANAGER");
        String brandWide = admin().documentName("createCouponTemplate").variable("input", Map.of("name", "全品牌券",
                "kind", "SHIPPING", "validDays", 30)).execute().path("createCouponTemplate.template.id")
                .entity(String.class).get();
        String own = manager.documentName("createCouponTemplate").variable("input", Map.of("name", "本店券",
                "kind", "SHIPPING", "validDays", 30)).execute().path("createCouponTemplate.template.id")
                .entity(String.class).get();

        forbidden(pack(manager, brandWide));
        pack(manager, own).path("createCouponPack.userErrors").entityList(Object.class).hasSize(0);
        pack(newMarketer(), brandWide).path("createCouponPack.userErrors").entityList(Object.class).hasSize(0);
    }

    private static GraphQlTester.Response pack(HttpGraphQlTester staff, String template) {
        return staff.document("mutation($t: ID!) { createCouponPack(input: { name: \"券包\", items: "
                + "[{ templateId: $t, quantity: 1 }] }) { pack { id } userErrors { code } } }")
                .variable("t", template).execute();
    }

    private static void forbidden(GraphQlTester.Response response) {
        response.errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }
}
