package com.loyalty.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.dev.wechat.pay.FakeWeChatPayServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class WalletRefundTest extends IntegrationTest {

    @Autowired
    private FakeWeChatPayServer wechatPay;

    private String store;
    private WalletDesk clerk;
    private WalletDesk manager;
    /** Recharge packages are money settings: the admin creates them. */
    private WalletDesk seller;

    @BeforeEach
    void openStore() {
        store = createStore("wallet-refund");
        clerk = new WalletDesk(newStaff(store, "CLERK"));
        manager = new WalletDesk(newStaff(store, "STORE_MANAGER"));
        seller = new WalletDesk(admin());
    }

    @Test
    void refundsOfAPurchasePaidFromTheCardGiveItBackInProportionAndAddUpExactly() {
        HttpGraphQlTester member = member(unique("back"));
        clerk.recharged(member, seller.createPackage(30_000, 3_000), "RC-1");
        // 200 yuan, 110 from the card (100 principal + 10 bonus), 90 at the counter
        clerk.pay(member, "O-1", 20_000, 11_000).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);

        // a third of the order back: a third of the card's part (33.33 of 110) returns to the card
        clerk.refund("O-1", "R-1", 6_667)
                .path("refundPurchase.refund.walletReturnedCents").entity(Long.class).isEqualTo(3_666L)
                .path("refundPurchase.purchase.walletPayment.returnedPrincipalCents").entity(Long.class).isEqualTo(3_333L)
                .path("refundPurchase.purchase.walletPayment.returnedBonusCents").entity(Long.class).isEqualTo(333L);
        clerk.refund("O-1", "R-2", 13_333)
                .path("refundPurchase.refund.walletReturnedCents").entity(Long.class).isEqualTo(7_334L)
                .path("refundPurchase.purchase.member.wallet.principalCents").entity(Long.class).isEqualTo(30_000L)
                .path("refundPurchase.purchase.member.wallet.bonusCents").entity(Long.class).isEqualTo(3_000L);
        // repeating a refund number changes nothing
        clerk.refund("O-1", "R-2", 13_333).path("refundPurchase.replayed").entity(Boolean.class).isEqualTo(true);
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(33_000L);
    }

    @Test
    void anAccountWithMoneyOnTheCardClosesOnlyOnceTheStoreHasRefundedTheRecharge() {
        HttpGraphQlTester member = member(unique("leaving"));
        String recharge = clerk.recharged(member, seller.createPackage(20_000, 2_000), "RC-1");

        member.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.closesAt").valueIsNull()
                .path("closeAccount.userErrors[0].code").entity(String.class).isEqualTo("ACCOUNT_CLOSURE_BLOCKED")
                .path("closeAccount.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("220.00"));

        manager.refundRecharge(recharge, "顾客注销账户").path("refundRecharge.userErrors").entityList(Object.class).hasSize(0);
        member.documentName("closeAccount").variable("confirm", true).execute()
                .path("closeAccount.userErrors").entityList(Object.class).hasSize(0)
                .path("closeAccount.closesAt").entity(String.class).satisfies(at -> assertThat(at).isNotBlank());
    }

    @Test
    void refundingARechargePaysBackTheUnspentPrincipalAndForfeitsItsBonus() {
        HttpGraphQlTester member = member(unique("undo"));
        String recharge = clerk.recharged(member, seller.createPackage(50_000, 5_000, Map.of("bonusPoints", 300)), "RC-1");
        // 110 spent: 100 principal, 10 bonus
        clerk.pay(member, "O-1", 11_000, 11_000).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);

        manager.refundRecharge(recharge, "顾客退卡")
                .path("refundRecharge.replayed").entity(Boolean.class).isEqualTo(false)
                .path("refundRecharge.recharge.status").entity(String.class).isEqualTo("REFUNDED")
                .path("refundRecharge.recharge.refundedCents").entity(Long.class).isEqualTo(40_000L)
                .path("refundRecharge.recharge.forfeitedCents").entity(Long.class).isEqualTo(4_000L);

        Map<String, Object> wallet = WalletDesk.walletOf(member);
        assertThat(wallet).containsEntry("balanceCents", 0);
        // 300 package points taken back; the 100 earned on the principal spent stay
        member.documentName("myWallet").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(100L);
        manager.refundRecharge(recharge, "again").path("refundRecharge.replayed").entity(Boolean.class).isEqualTo(true);
        assertThat(audited("REFUND_RECHARGE", recharge)).isEqualTo(1L);
    }

    @Test
    void onlyAManagerOfTheRechargesStoreOrAnAdminRefundsARecharge() {
        HttpGraphQlTester member = member(unique("who"));
        String recharge = clerk.recharged(member, seller.createPackage(10_000, 0), "RC-1");

        clerk.refundRecharge(recharge, "clerk tries")
                .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        new WalletDesk(newStaff(createStore("elsewhere"), "STORE_MANAGER")).refundRecharge(recharge, "not mine")
                .path("refundRecharge.userErrors[0].code").entity(String.class).isEqualTo("RECHARGE_NOT_FOUND");
        new WalletDesk(admin()).refundRecharge(recharge, "admin")
                .path("refundRecharge.recharge.refundedCents").entity(Long.class).isEqualTo(10_000L);
    }

    @Test
    void aWeChatPayRechargeIsRefundedThroughWeChatPay() {
        HttpGraphQlTester member = member(unique("wxback"));
        String pack = seller.createPackage(20_000, 2_000);
        String outTradeNo = member.documentName("startWalletRecharge")
                .variable("input", Map.of("packageId", pack, "storeId", store, "idempotencyKey", "k")).execute()
                .path("startWalletRecharge.order.outTradeNo").entity(String.class).get();
        assertThat(wechatPay.pay(outTradeNo)).isEqualTo(204);
        String recharge = member.documentName("walletRechargeOrder").variable("outTradeNo", outTradeNo).execute()
                .path("walletRechargeOrder.recharge.id").entity(String.class).get();

        manager.refundRecharge(recharge, "顾客申请退款")
                .path("refundRecharge.recharge.channel").entity(String.class).isEqualTo("WECHAT_PAY")
                .path("refundRecharge.recharge.refundedCents").entity(Long.class).isEqualTo(20_000L);
        assertThat(wechatPay.refunds()).contains("RR" + recharge);
        assertThat(WalletDesk.balanceOf(member)).isZero();
    }

    @Test
    void aStaffMemberCannotMoveMoneyBetweenMembers() {
        HttpGraphQlTester alice = member(unique("alice"));
        HttpGraphQlTester bob = member(unique("bob"));
        clerk.recharged(alice, seller.createPackage(10_000, 0), "RC-1");

        // Alice's code with Bob's id: refused, one of the two only
        clerk.staff().documentName("walletPurchase").variable("input", Map.of("memberCodeToken",
                        WalletDesk.codeOf(alice), "memberId", idOf(bob), "orderNo", "O-1", "amountCents", 5_000,
                        "walletAmountCents", 5_000)).execute()
                .path("recordPurchase.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "memberCodeToken");
        // paid with Alice's card, refunded: the money goes back to Alice, never to anyone else
        clerk.pay(alice, "O-2", 5_000, 5_000).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        clerk.refund("O-2", "R-1", 5_000).path("refundPurchase.refund.walletReturnedCents").entity(Long.class)
                .isEqualTo(5_000L);
        assertThat(WalletDesk.balanceOf(alice)).isEqualTo(10_000L);
        assertThat(WalletDesk.balanceOf(bob)).isZero();
        // Bob cannot read Alice's card either
        bob.document("{ me { wallet { balanceCents } } }").execute()
                .path("me.wallet.balanceCents").entity(Long.class).isEqualTo(0L);
    }

    private long audited(String action, String rechargeId) {
        List<Long> n = db.sql("select count(*) as n from staff_audit a join wallet_recharge r on r.member_id = a.member_id "
                        + "where a.action = :action and r.id = :id")
                .bind("action", action).bind("id", Long.parseLong(rechargeId))
                .map(row -> row.get("n", Long.class)).all().collectList().block();
        return n.get(0);
    }
}
