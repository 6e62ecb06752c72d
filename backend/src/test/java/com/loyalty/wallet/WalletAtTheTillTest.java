package com.loyalty.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

class WalletAtTheTillTest extends IntegrationTest {

    private String store;
    private WalletDesk clerk;
    private WalletDesk manager;
    /** Recharge packages are money settings: the admin creates them. */
    private WalletDesk seller;

    @BeforeEach
    void openStore() {
        store = createStore("wallet");
        clerk = new WalletDesk(newStaff(store, "CLERK"));
        manager = new WalletDesk(newStaff(store, "STORE_MANAGER"));
        seller = new WalletDesk(admin());
    }

    @Test
    void rechargingFiveHundredGivesFiftyMoreKeptApartFromThePrincipal() {
        HttpGraphQlTester member = member(unique("alice"));
        String pack = seller.createPackage(50_000, 5_000);

        clerk.recharge(member, pack, "RC-1")
                .path("rechargeAtTill.recharge.payCents").entity(Long.class).isEqualTo(50_000L)
                .path("rechargeAtTill.recharge.bonusCents").entity(Long.class).isEqualTo(5_000L)
                .path("rechargeAtTill.recharge.channel").entity(String.class).isEqualTo("CASH");

        Map<String, Object> wallet = WalletDesk.walletOf(member);
        assertThat(wallet).containsEntry("balanceCents", 55_000).containsEntry("principalCents", 50_000)
                .containsEntry("bonusCents", 5_000);
    }

    @Test
    void theClerkSeesWhoseCardTheScannedCodeCreditedAndTheirNewBalance() {
        HttpGraphQlTester member = member(unique("whose"));
        String pack = seller.createPackage(20_000, 2_000);

        clerk.recharge(member, pack, "RC-W")
                .path("rechargeAtTill.recharge.member.id").entity(String.class).isEqualTo(idOf(member))
                .path("rechargeAtTill.recharge.member.wallet.balanceCents").entity(Long.class).isEqualTo(22_000L);
    }

    @Test
    void repeatingAReceiptChangesNothing() {
        HttpGraphQlTester member = member(unique("again"));
        String pack = seller.createPackage(10_000, 1_000);
        String first = clerk.recharged(member, pack, "RC-1");

        clerk.recharge(member, pack, "RC-1")
                .path("rechargeAtTill.replayed").entity(Boolean.class).isEqualTo(true)
                .path("rechargeAtTill.recharge.id").entity(String.class).isEqualTo(first);
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(11_000L);
    }

    @Test
    void aPaymentUsesPrincipalAndBonusInProportionAndEarnsPointsOnThePrincipalOnly() {
        HttpGraphQlTester member = member(unique("split"));
        clerk.recharged(member, seller.createPackage(50_000, 5_000), "RC-1");

        // 110 yuan of 550 held: 1/11 bonus -> 100 principal + 10 bonus; points on 100 yuan
        clerk.pay(member, "O-1", 11_000, 11_000)
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.walletPayment.principalCents").entity(Long.class).isEqualTo(10_000L)
                .path("recordPurchase.purchase.walletPayment.bonusCents").entity(Long.class).isEqualTo(1_000L)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L)
                .path("recordPurchase.purchase.member.wallet.principalCents").entity(Long.class).isEqualTo(40_000L)
                .path("recordPurchase.purchase.member.wallet.bonusCents").entity(Long.class).isEqualTo(4_000L);
    }

    @Test
    void partOfTheOrderMayBePaidFromTheCardAndTheRestAtTheCounter() {
        HttpGraphQlTester member = member(unique("mixed"));
        clerk.recharged(member, seller.createPackage(10_000, 0), "RC-1");

        // 150 yuan: 100 from the card, 50 in cash; all of it real money, so 150 points
        clerk.pay(member, "O-1", 15_000, 10_000)
                .path("recordPurchase.purchase.walletPayment.amountCents").entity(Long.class).isEqualTo(10_000L)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(150L)
                .path("recordPurchase.purchase.member.wallet.balanceCents").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void payingMoreThanTheCardHoldsIsRefusedAndChangesNothing() {
        HttpGraphQlTester member = member(unique("short"));
        clerk.recharged(member, seller.createPackage(10_000, 1_000), "RC-1");

        clerk.pay(member, "O-1", 20_000, 11_001)
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(11_000L);
        // the order was not recorded either: the same number goes through once the amount fits
        clerk.pay(member, "O-1", 20_000, 11_000)
                .path("recordPurchase.replayed").entity(Boolean.class).isEqualTo(false)
                .path("recordPurchase.purchase.member.wallet.balanceCents").entity(Long.class).isEqualTo(0L);
    }

    @Test
    void theCardPaysOnlyWithTheMembersFreshCodeNotWithAMemberIdAlone() {
        HttpGraphQlTester member = member(unique("code"));
        clerk.recharged(member, seller.createPackage(10_000, 0), "RC-1");

        clerk.staff().documentName("walletPurchase").variable("input", Map.of("memberId", idOf(member),
                        "orderNo", "O-1", "amountCents", 5_000, "walletAmountCents", 5_000)).execute()
                .path("recordPurchase.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "walletAmountCents");
        String code = WalletDesk.codeOf(member);
        clerk.payWithCode(code, "O-2", 5_000, 5_000).path("recordPurchase.userErrors").entityList(Object.class).hasSize(0);
        // a used code does not pay again
        clerk.payWithCode(code, "O-3", 5_000, 5_000)
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("CODE_USED");
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(5_000L);
    }

    @Test
    void aClerkWithOnlyAMemberIdCannotSpendTheirStoredValue() {
        HttpGraphQlTester member = member(unique("card"));
        clerk.recharged(member, seller.createPackage(10_000, 0), "RC-1");

        clerk.staff().documentName("walletPurchase").variable("input", Map.of("memberId", idOf(member),
                        "orderNo", "O-1", "amountCents", 5_000, "walletAmountCents", 5_000)).execute()
                .path("recordPurchase.purchase").valueIsNull()
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("MEMBER_PROOF_REQUIRED")
                .path("recordPurchase.userErrors[0].field").entityList(String.class)
                .containsExactly("input", "walletAmountCents");
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(10_000L);

        // scanned at the till: the scan's proof pays, for that order
        String proof = new com.loyalty.support.Till(clerk.staff()).scan(member);
        clerk.staff().documentName("walletPurchase").variable("input", Map.of("tillProof", proof,
                        "orderNo", "O-2", "amountCents", 5_000, "walletAmountCents", 4_000)).execute()
                .path("recordPurchase.userErrors").entityList(Object.class).hasSize(0)
                .path("recordPurchase.purchase.walletPayment.amountCents").entity(Long.class).isEqualTo(4_000L);
        // the refund tells the clerk what the counter hands back besides the card
        clerk.staff().documentName("walletRefund").variable("input", Map.of("orderNo", "O-2",
                        "refundNo", "R-2", "amountCents", 5_000)).execute()
                .path("refundPurchase.refund.walletReturnedCents").entity(Long.class).isEqualTo(4_000L)
                .path("refundPurchase.refund.cashToReturnCents").entity(Long.class).isEqualTo(1_000L);
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(10_000L);
    }

    @Test
    void parallelPaymentsNeverOverdrawTheCard() {
        HttpGraphQlTester member = member(unique("rush"));
        clerk.recharged(member, seller.createPackage(50_000, 5_000), "RC-1");
        List<String> codes = java.util.stream.IntStream.range(0, 8).mapToObj(i -> WalletDesk.codeOf(member)).toList();

        List<String> outcomes = inParallel(8, i -> {
            List<Map<String, Object>> errors = clerk.payWithCode(codes.get(i), "P-" + i, 10_000, 10_000)
                    .path("recordPurchase.userErrors").entityList(Object.class).get().stream()
                    .map(e -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> m = (Map<String, Object>) e;
                        return m;
                    }).toList();
            return errors.isEmpty() ? "PAID" : (String) errors.get(0).get("code");
        });

        assertThat(outcomes).filteredOn("PAID"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("INSUFFICIENT_BALANCE"::equals).hasSize(3);
        assertThat(WalletDesk.walletOf(member)).containsEntry("balanceCents", 5_000);
    }

    /**
     * The till sends one order again while the first send is still in flight (a double tap, a retry
     * on a slow network): every send answers the one recorded order, paid once from the card, and
     * none tells the clerk the card cannot pay (which would have them take the money again).
     */
    @Test
    void retriesOfOneOrderSentTogetherAllAnswerTheOrderPaidOnce() {
        HttpGraphQlTester member = member(unique("double-tap"));
        clerk.recharged(member, seller.createPackage(15_000, 0), "RC-1");
        String code = WalletDesk.codeOf(member);

        List<String> answers = inParallel(4, i -> {
            GraphQlTester.Response sent = clerk.payWithCode(code, "P-TAP", 10_000, 10_000);
            List<Object> errors = sent.path("recordPurchase.userErrors").entityList(Object.class).get();
            return errors.isEmpty() ? sent.path("recordPurchase.purchase.id").entity(String.class).get() : errors.toString();
        });

        assertThat(answers).hasSize(4).containsOnly(answers.get(0)).allSatisfy(a -> assertThat(a).doesNotContain("code"));
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(5_000L);
        assertThat(db.sql("select count(*) as n from wallet_txn where member_id = :m and kind = 'PAYMENT'")
                .bind("m", Long.parseLong(idOf(member))).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1L);
    }

    @Test
    void expiredBonusIsNotSpendableAndIsForfeited() {
        String name = unique("expiry");
        clerk.recharged(member(name), seller.createPackage(10_000, 2_000, Map.of("bonusValidDays", 30)), "RC-1");

        clock.advance(Duration.ofDays(32));
        if (LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).getDayOfMonth() == 8) {
            clock.advance(Duration.ofDays(1)); // not on member day (the 8th), when the purchase below would earn double
        }
        // signed in again: access tokens do not live a month
        HttpGraphQlTester member = member(name);
        clerk = new WalletDesk(newStaff(store, "CLERK"));
        assertThat(WalletDesk.walletOf(member)).containsEntry("bonusCents", 0).containsEntry("balanceCents", 10_000);
        clerk.pay(member, "O-1", 10_001, 10_001)
                .path("recordPurchase.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_BALANCE");
        clerk.pay(member, "O-2", 10_000, 10_000)
                .path("recordPurchase.purchase.walletPayment.bonusCents").entity(Long.class).isEqualTo(0L)
                .path("recordPurchase.purchase.pointsEarned").entity(Long.class).isEqualTo(100L);
        member.documentName("myWallet").execute()
                .path("me.wallet.history.edges[*].node.kind").entityList(String.class)
                .containsExactly("PAYMENT", "BONUS_EXPIRY", "RECHARGE");
    }

    @Test
    void theNightlyJobForfeitsExpiredBonusOnCardsNobodyUsed() {
        String name = unique("asleep");
        clerk.recharged(member(name), seller.createPackage(10_000, 1_000, Map.of("bonusValidDays", 1)), "RC-1");

        clock.advance(Duration.ofDays(3));
        String today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai")).toString();
        admin().documentName("runJob").variable("job", "WALLET_BONUS_EXPIRY").variable("asOf", today).execute()
                .path("runJob.summary").entity(String.class).satisfies(s -> assertThat(s).startsWith("forfeited"));
        admin().documentName("runJob").variable("job", "WALLET_BONUS_EXPIRY").variable("asOf", today).execute()
                .path("runJob.summary").entity(String.class).isEqualTo("forfeited expired bonus on 0 cards");

        member(name).documentName("myWallet").execute()
                .path("me.wallet.bonusCents").entity(Long.class).isEqualTo(0L)
                .path("me.wallet.history.edges[0].node.kind").entity(String.class).isEqualTo("BONUS_EXPIRY")
                .path("me.wallet.history.edges[0].node.bonusCents").entity(Long.class).isEqualTo(-1_000L);
    }

    @Test
    void tillOperationsAreRateLimitedPerMember() {
        HttpGraphQlTester member = member(unique("limit"));
        HttpGraphQlTester other = member(unique("other"));
        String pack = seller.createPackage(1_000, 0);
        for (int i = 0; i < 10; i++) {
            clerk.recharged(member, pack, "RL-" + i);
        }

        clerk.recharge(member, pack, "RL-10")
                .path("rechargeAtTill.userErrors[0].code").entity(String.class).isEqualTo("RATE_LIMITED");
        clerk.recharged(other, pack, "RL-OTHER");
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(10_000L);
    }

    @Test
    void aPackageSoldAtAnotherStoreIsNotSoldHereAndOnlyAdminsCreatePackages() {
        HttpGraphQlTester member = member(unique("shop"));
        String otherStore = createStore("wallet-other");
        String pack = seller.createPackage(10_000, 500, Map.of("storeIds", List.of(otherStore)));

        clerk.recharge(member, pack, "RC-1")
                .path("rechargeAtTill.userErrors[0].code").entity(String.class).isEqualTo("RECHARGE_PACKAGE_NOT_FOUND");
        for (WalletDesk notAdmin : List.of(clerk, manager)) {
            notAdmin.staff().documentName("createRechargePackage")
                    .variable("input", Map.of("name", "x", "payCents", 100)).execute()
                    .errors().expect(e -> "FORBIDDEN".equals(e.getExtensions().get("classification"))).verify();
        }
        member.documentName("rechargePackages").variable("storeId", store).execute()
                .path("rechargePackages[*].id").entityList(String.class).doesNotContain(pack);
    }
}
