package com.loyalty.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.dev.wechat.pay.FakeWeChatPayServer;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class WalletReportTest extends IntegrationTest {

    @Autowired
    private FakeWeChatPayServer wechatPay;

    @Test
    void theLiabilityPerStoreAddsUpToTheSumOfTheMembersCards() {
        String a = createStore("ledger-a");
        String b = createStore("ledger-b");
        WalletDesk admin = new WalletDesk(admin());
        WalletDesk clerkA = new WalletDesk(newStaff(a, "CLERK"));
        WalletDesk clerkB = new WalletDesk(newStaff(b, "CLERK"));
        HttpGraphQlTester managerA = newStaff(a, "STORE_MANAGER");
        String p500 = admin.createPackage(50_000, 5_000);
        String p300 = admin.createPackage(30_000, 3_000);
        String p200 = admin.createPackage(20_000, 2_000);
        String p100 = admin.createPackage(10_000, 0);
        HttpGraphQlTester m1 = member(unique("m1"));
        HttpGraphQlTester m2 = member(unique("m2"));
        HttpGraphQlTester m3 = member(unique("m3"));
        HttpGraphQlTester m4 = member(unique("m4"));

        clerkA.recharged(m1, p500, "A-1");
        clerkA.recharged(m2, p100, "A-2");
        String m3Recharge = clerkA.recharged(m3, p300, "A-3");
        new WalletDesk(managerA).refundRecharge(m3Recharge, "退卡").path("refundRecharge.userErrors")
                .entityList(Object.class).hasSize(0);
        clerkB.recharged(m2, p200, "B-1");
        String outTradeNo = m4.documentName("startWalletRecharge")
                .variable("input", Map.of("packageId", p500, "storeId", b, "idempotencyKey", "k")).execute()
                .path("startWalletRecharge.order.outTradeNo").entity(String.class).get();
        assertThat(wechatPay.pay(outTradeNo)).isEqualTo(204);
        clerkB.pay(m1, "B-O-1", 11_000, 11_000).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);

        long cards = WalletDesk.balanceOf(m1) + WalletDesk.balanceOf(m2) + WalletDesk.balanceOf(m3)
                + WalletDesk.balanceOf(m4);
        assertThat(cards).isEqualTo(131_000L);

        long storeA = liability(report(admin(), a), "totalCents");
        long storeB = liability(report(admin(), b), "totalCents");
        assertThat(storeA + storeB).isEqualTo(cards);
        assertThat(storeA).isEqualTo(54_000L);
        report(admin(), a).path("walletReport.liability.principalCents").entity(Long.class).isEqualTo(50_000L)
                .path("walletReport.liability.bonusCents").entity(Long.class).isEqualTo(4_000L)
                .path("walletReport.total.recharges").entity(Integer.class).isEqualTo(3)
                .path("walletReport.total.rechargedCents").entity(Long.class).isEqualTo(90_000L)
                .path("walletReport.total.bonusGrantedCents").entity(Long.class).isEqualTo(8_000L)
                .path("walletReport.total.rechargeRefundedCents").entity(Long.class).isEqualTo(30_000L)
                .path("walletReport.total.bonusForfeitedCents").entity(Long.class).isEqualTo(3_000L);
        report(admin(), b).path("walletReport.total.recharges").entity(Integer.class).isEqualTo(2)
                .path("walletReport.total.spentPrincipalCents").entity(Long.class).isEqualTo(10_000L)
                .path("walletReport.total.spentBonusCents").entity(Long.class).isEqualTo(1_000L)
                .path("walletReport.total.bonusCostCents").entity(Long.class).isEqualTo(1_000L);

        // the whole brand: its total is the sum of its stores, whoever else holds cards in this run
        GraphQlTester.Response brand = report(admin(), null);
        List<Long> byStore = brand.path("walletReport.liability.byStore[*].totalCents").entityList(Long.class).get();
        assertThat(liability(brand, "totalCents")).isEqualTo(byStore.stream().mapToLong(Long::longValue).sum());
        assertThat(liability(brand, "totalCents")).isEqualTo(brandCardsFromTheBooks());

        // a manager reads their own store only
        report(managerA, null).path("walletReport.storeId").entity(String.class).isEqualTo(a)
                .path("walletReport.liability.byStore[*].storeId").entityList(String.class).containsExactly(a);
        report(managerA, b).errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
    }

    private GraphQlTester.Response report(HttpGraphQlTester staff, String storeId) {
        String today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> range = new java.util.HashMap<>(Map.of("from", today, "to", today));
        if (storeId != null) {
            range.put("storeId", storeId);
        }
        return staff.documentName("walletReport").variable("range", range).execute();
    }

    private static long liability(GraphQlTester.Response report, String field) {
        return report.path("walletReport.liability." + field).entity(Long.class).get();
    }

    /** What the members' accounts in the books hold, less bonus past its validity. */
    private long brandCardsFromTheBooks() {
        return db.sql("""
                        select coalesce(sum(e.amount_cents), 0)::bigint as cents from wallet_entry e
                        join wallet_recharge r on r.id = e.recharge_id
                        where r.brand_id = 1 and (e.account = 'MEMBER_PRINCIPAL'
                              or r.bonus_expires_at is null or r.bonus_expires_at > :now)
                        """)
                .bind("now", clock.instant())
                .map(row -> row.get("cents", Long.class)).one().block();
    }
}
