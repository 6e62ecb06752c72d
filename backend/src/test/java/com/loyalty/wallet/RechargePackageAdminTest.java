package com.loyalty.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Recharge packages as the admin runs them: listed, read, changed for future sales, withdrawn; audited. */
class RechargePackageAdminTest extends IntegrationTest {

    private static final String PAGE = "query($f: RechargePackageFilter) { rechargePackagesPage(filter: $f, first: 100) { "
            + "totalCount edges { node { id name active storeIds } } } }";
    private static final String UPDATE = "mutation($input: UpdateRechargePackageInput!) { updateRechargePackage(input: $input) { "
            + "rechargePackage { id name payCents bonusCents bonusValidDays } userErrors { field code } } }";

    @Test
    void changingAPackageAppliesToRechargesFromNowOnAndIsAudited() {
        String store = createStore(unique("pkg"));
        WalletDesk clerk = new WalletDesk(newStaff(store, "CLERK"));
        String pack = new WalletDesk(admin()).createPackage(10_000, 1_000, Map.of("storeIds", List.of(store)));
        HttpGraphQlTester before = member(unique("before"));
        clerk.recharged(before, pack, unique("RC"));

        admin().document(UPDATE).variable("input", Map.of("packageId", pack, "bonusCents", 20_000)).execute()
                .path("updateRechargePackage.userErrors[0].field").entityList(String.class).containsExactly("input", "bonusCents");
        admin().document(UPDATE).variable("input", Map.of("packageId", pack, "name", "充100送30", "bonusCents", 3_000,
                        "bonusValidDays", 60)).execute()
                .path("updateRechargePackage.userErrors").entityList(Object.class).hasSize(0)
                .path("updateRechargePackage.rechargePackage.bonusCents").entity(Long.class).isEqualTo(3_000L);
        HttpGraphQlTester after = member(unique("after"));
        clerk.recharged(after, pack, unique("RC"));

        assertThat(WalletDesk.balanceOf(before)).isEqualTo(11_000L);
        assertThat(WalletDesk.balanceOf(after)).isEqualTo(13_000L);
        admin().document("query($id: ID!) { staffActions(subject: \"RECHARGE_PACKAGE\", subjectId: $id) { "
                        + "edges { node { action before after } } } }").variable("id", pack).execute()
                .path("staffActions.edges[*].node.action").entityList(String.class)
                .containsExactly("UPDATE_RECHARGE_PACKAGE", "CREATE_RECHARGE_PACKAGE")
                .path("staffActions.edges[0].node.before").entity(String.class).satisfies(b -> assertThat(b).contains("1000"))
                .path("staffActions.edges[0].node.after").entity(String.class).satisfies(a -> assertThat(a).contains("3000"));
        newStaff(store, "STORE_MANAGER").document(UPDATE).variable("input", Map.of("packageId", pack, "name", "x"))
                .execute().errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    @Test
    void aManagerListsOnlyTheirStoresPackagesAndWithdrawingIsAudited() {
        String storeA = createStore(unique("pa"));
        String storeB = createStore(unique("pb"));
        WalletDesk admin = new WalletDesk(admin());
        String ours = admin.createPackage(20_000, 1_000, Map.of("storeIds", List.of(storeA)));
        String theirs = admin.createPackage(30_000, 1_000, Map.of("storeIds", List.of(storeB)));
        HttpGraphQlTester manager = newStaff(storeA, "STORE_MANAGER");

        manager.document(PAGE).execute()
                .path("rechargePackagesPage.edges[*].node.id").entityList(String.class).contains(ours).doesNotContain(theirs);
        manager.document(PAGE).variable("f", Map.of("storeId", storeB)).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        manager.document("query($id: ID!) { rechargePackage(id: $id) { id } }").variable("id", theirs).execute()
                .path("rechargePackage").valueIsNull();
        manager.document("mutation($id: ID!) { setRechargePackageActive(input: { packageId: $id, active: false }) { "
                        + "userErrors { code } } }").variable("id", ours).execute().errors()
                .expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();

        admin().document("mutation($id: ID!) { setRechargePackageActive(input: { packageId: $id, active: false }) { "
                        + "rechargePackage { active } userErrors { code } } }").variable("id", ours).execute()
                .path("setRechargePackageActive.rechargePackage.active").entity(Boolean.class).isEqualTo(false);
        admin().document(PAGE).variable("f", Map.of("storeId", storeA, "active", false)).execute()
                .path("rechargePackagesPage.edges[*].node.id").entityList(String.class).contains(ours).doesNotContain(theirs);
        admin().document(PAGE).variable("f", Map.of("storeId", storeA, "active", true)).execute()
                .path("rechargePackagesPage.edges[*].node.id").entityList(String.class).doesNotContain(ours, theirs);
        manager.document("query($id: ID!) { rechargePackage(id: $id) { id active } }").variable("id", ours).execute()
                .path("rechargePackage.active").entity(Boolean.class).isEqualTo(false);
        admin().document("query($id: ID!) { staffActions(subject: \"RECHARGE_PACKAGE\", subjectId: $id) { "
                        + "edges { node { action before after } } } }").variable("id", ours).execute()
                .path("staffActions.edges[0].node.action").entity(String.class).isEqualTo("SET_RECHARGE_PACKAGE_ACTIVE")
                .path("staffActions.edges[0].node.before").entity(String.class).satisfies(b -> assertThat(b).contains("\"active\": true"))
                .path("staffActions.edges[0].node.after").entity(String.class).satisfies(a -> assertThat(a).contains("\"active\": false"));
    }

    @Test
    void aRechargeGoesThroughWithoutItsPackageCouponPackOnceThatPackIsArchived() {
        String store = createStore(unique("gift"));
        WalletDesk clerk = new WalletDesk(newStaff(store, "CLERK"));
        String template = admin().documentName("createCouponTemplate").variable("input", Map.of("name", unique("充值礼券"),
                        "kind", "AMOUNT_OFF", "amountOffCents", 1_000, "thresholdCents", 5_000, "validDays", 30))
                .execute().path("createCouponTemplate.template.id").entity(String.class).get();
        String couponPack = admin().document("mutation($t: ID!) { createCouponPack(input: { name: \"充值礼包\", "
                        + "items: [{ templateId: $t, quantity: 1 }] }) { pack { id } } }").variable("t", template).execute()
                .path("createCouponPack.pack.id").entity(String.class).get();
        String pack = new WalletDesk(admin()).createPackage(10_000, 0, Map.of("couponPackId", couponPack));
        admin().document("mutation($p: ID!) { archiveCouponPack(input: { packId: $p }) { userErrors { code } } }")
                .variable("p", couponPack).execute();

        HttpGraphQlTester member = member(unique("gifted"));
        clerk.recharged(member, pack, unique("RC"));
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(10_000L);
        member.documentName("myCoupons").execute().path("me.coupons.totalCount").entity(Integer.class).isEqualTo(0);
        admin().documentName("createRechargePackage").variable("input", Map.of("name", "充100", "payCents", 10_000,
                        "couponPackId", couponPack)).execute()
                .path("createRechargePackage.userErrors[0].code").entity(String.class).isEqualTo("COUPON_ARCHIVED");
    }
}
