package com.loyalty.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.dev.wechat.pay.FakeWeChatPayServer;
import com.loyalty.wechat.pay.PayNotification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@ExtendWith(OutputCaptureExtension.class)
class WeChatPayRechargeTest extends IntegrationTest {

    @Autowired
    private FakeWeChatPayServer wechatPay;

    private String store;
    private String pack;

    @BeforeEach
    void packageOnSale() {
        store = createStore("wxpay");
        pack = new WalletDesk(admin()).createPackage(50_000, 5_000, Map.of("bonusPoints", 200));
    }

    @Test
    void aRechargeCountsOnlyAfterTheVerifiedPaymentNotification() {
        HttpGraphQlTester member = member(unique("online"));
        String outTradeNo = start(member, "k-1")
                .path("startWalletRecharge.payParams.package").entity(String.class)
                .satisfies(p -> assertThat(p).startsWith("prepay_id=wx"))
                .path("startWalletRecharge.payParams.signType").entity(String.class).isEqualTo("RSA")
                .path("startWalletRecharge.order.status").entity(String.class).isEqualTo("PENDING")
                .path("startWalletRecharge.order.outTradeNo").entity(String.class).get();
        assertThat(WalletDesk.balanceOf(member)).isZero();

        assertThat(wechatPay.pay(outTradeNo)).isEqualTo(204);

        assertThat(WalletDesk.walletOf(member)).containsEntry("principalCents", 50_000).containsEntry("bonusCents", 5_000);
        member.documentName("walletRechargeOrder").variable("outTradeNo", outTradeNo).execute()
                .path("walletRechargeOrder.status").entity(String.class).isEqualTo("PAID")
                .path("walletRechargeOrder.recharge.channel").entity(String.class).isEqualTo("WECHAT_PAY");
        member.documentName("myWallet").execute().path("me.pointsBalance").entity(Long.class).isEqualTo(200L);
    }

    @Test
    void aMemberWhoRegisteredAtNoStoreRechargesAtThePackagesOnlyStoreOrWhereTheyLastBought() {
        HttpGraphQlTester member = member(unique("nostore"));
        String onlyHere = new WalletDesk(admin()).createPackage(10_000, 0, Map.of("storeIds", List.of(store)));
        startWithoutStore(member, onlyHere, "k-only")
                .path("startWalletRecharge.userErrors").entityList(Object.class).hasSize(0)
                .path("startWalletRecharge.order.storeId").entity(String.class).isEqualTo(store);

        String boughtAt = createStore("bought-here");
        new com.loyalty.support.Till(newStaff(boughtAt, "CLERK")).earn(idOf(member), "LAST-1", 1_000);
        startWithoutStore(member, pack, "k-last")
                .path("startWalletRecharge.userErrors").entityList(Object.class).hasSize(0)
                .path("startWalletRecharge.order.storeId").entity(String.class).isEqualTo(boughtAt);
    }

    @Test
    void anOnlineRechargeGoesOnlyToAnOpenStoreOfTheBrand() {
        HttpGraphQlTester member = member(unique("anywhere"));
        for (String noStore : List.of("999999999", "-1")) {
            startAt(member, noStore, "k-none" + noStore)
                    .path("startWalletRecharge.order").valueIsNull()
                    .path("startWalletRecharge.userErrors[0].code").entity(String.class).isEqualTo("STORE_NOT_FOUND")
                    .path("startWalletRecharge.userErrors[0].field").entityList(String.class)
                    .containsExactly("input", "storeId");
        }

        String closed = createStore("closed-for-good");
        closeStore(closed);
        startAt(member, closed, "k-closed")
                .path("startWalletRecharge.order").valueIsNull()
                .path("startWalletRecharge.userErrors[0].code").entity(String.class).isEqualTo("STORE_CLOSED");
        assertThat(db.sql("select count(*) as n from wallet_recharge_order where member_id = :m")
                .bind("m", Long.parseLong(idOf(member))).map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void aMemberWhoseStoreClosedRechargesWhereTheyLastBoughtAndWithoutAnOpenStoreIsToldHowToStart() {
        String registeredAt = createStore("registered-then-closed");
        HttpGraphQlTester member = memberOf(registeredAt, unique("moved"));
        closeStore(registeredAt);
        String boughtAt = createStore("bought-later");
        new com.loyalty.support.Till(newStaff(boughtAt, "CLERK")).earn(idOf(member), "MOVED-1", 1_000);

        startWithoutStore(member, pack, "k-moved")
                .path("startWalletRecharge.userErrors").entityList(Object.class).hasSize(0)
                .path("startWalletRecharge.order.storeId").entity(String.class).isEqualTo(boughtAt);

        closeStore(boughtAt);
        startWithoutStore(member, pack, "k-nowhere")
                .path("startWalletRecharge.order").valueIsNull()
                .path("startWalletRecharge.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("startWalletRecharge.userErrors[0].message").entity(String.class)
                .isEqualTo("请先到门店消费或在门店充值一次，再在线充值");
    }

    private void closeStore(String storeId) {
        admin().document("mutation($id: ID!) { closeStore(input: {storeId: $id, reason: \"搬迁\"}) { userErrors { code } } }")
                .variable("id", storeId).execute()
                .path("closeStore.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void aMemberWithNoStoreAtAllIsToldHowToStart() {
        startWithoutStore(member(unique("newcomer")), pack, "k-new")
                .path("startWalletRecharge.order").valueIsNull()
                .path("startWalletRecharge.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("startWalletRecharge.userErrors[0].message").entity(String.class)
                .isEqualTo("请先到门店消费或在门店充值一次，再在线充值");
    }

    @Test
    void duplicatedNotificationsAreAcknowledgedAndChangeNothing() {
        HttpGraphQlTester member = member(unique("dup"));
        String outTradeNo = outTradeNo(start(member, "k-1"));
        PayNotification notification = wechatPay.paymentNotification(outTradeNo);

        assertThat(post(notification)).isEqualTo(204);
        assertThat(post(notification)).isEqualTo(204);
        assertThat(wechatPay.pay(outTradeNo)).isEqualTo(204);

        assertThat(WalletDesk.balanceOf(member)).isEqualTo(55_000L);
        assertThat(outcomes(outTradeNo)).containsExactly("CREDITED", "DUPLICATE", "DUPLICATE");
    }

    @Test
    void theSameNotificationArrivingInParallelCreditsOnce() {
        HttpGraphQlTester member = member(unique("race"));
        String outTradeNo = outTradeNo(start(member, "k-1"));
        PayNotification notification = wechatPay.paymentNotification(outTradeNo);

        List<Integer> statuses = inParallel(6, i -> post(notification));

        assertThat(statuses).containsOnly(204);
        assertThat(outcomes(outTradeNo)).containsOnlyOnce("CREDITED").hasSize(6);
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(55_000L);
    }

    @Test
    void forgedOrTamperedNotificationsAreRejectedRecordedAndChangeNothing() {
        HttpGraphQlTester member = member(unique("forged"));
        String outTradeNo = outTradeNo(start(member, "k-1"));
        PayNotification genuine = wechatPay.paymentNotification(outTradeNo);

        assertThat(post(wechatPay.forgedNotification(outTradeNo))).isEqualTo(400);
        assertThat(post(wechatPay.paymentNotification(outTradeNo, 1))).isEqualTo(400);
        assertThat(post(new PayNotification(genuine.body().replace("TRANSACTION.SUCCESS", "TRANSACTION.SUCCESZ"),
                genuine.serial(), genuine.signature(), genuine.timestamp(), genuine.nonce()))).isEqualTo(400);
        assertThat(post(new PayNotification(genuine.body(), null, null, null, null))).isEqualTo(400);
        assertThat(post(new PayNotification(genuine.body(), "PUB_KEY_ID_SOMEONE_ELSE", genuine.signature(),
                genuine.timestamp(), genuine.nonce()))).isEqualTo(400);
        assertThat(WalletDesk.balanceOf(member)).isZero();
        assertThat(rejectedReasons()).hasSizeGreaterThanOrEqualTo(5);

        assertThat(post(genuine)).isEqualTo(204);
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(55_000L);
    }

    @Test
    void aReplayedOldNotificationIsRejected() {
        HttpGraphQlTester member = member(unique("stale"));
        String outTradeNo = outTradeNo(start(member, "k-1"));
        PayNotification old = wechatPay.paymentNotification(outTradeNo);

        clock.advance(Duration.ofMinutes(6));
        assertThat(post(old)).isEqualTo(400);
        assertThat(outcomes(outTradeNo)).isEmpty();
        assertThat(wechatPay.pay(outTradeNo)).isEqualTo(204);
        assertThat(outcomes(outTradeNo)).containsExactly("CREDITED");
    }

    @Test
    void repeatingTheIdempotencyKeyReturnsTheSameOrder() {
        HttpGraphQlTester member = member(unique("same"));
        String first = outTradeNo(start(member, "k-1"));

        assertThat(outTradeNo(start(member, "k-1"))).isEqualTo(first);
        assertThat(outTradeNo(start(member, "k-2"))).isNotEqualTo(first);
        member(unique("stranger")).documentName("walletRechargeOrder").variable("outTradeNo", first).execute()
                .path("walletRechargeOrder").valueIsNull();
    }

    @Test
    void inDevelopmentTheFakeIsToldToPayOverHttp() {
        HttpGraphQlTester member = member(unique("dev"));
        String outTradeNo = outTradeNo(start(member, "k-1"));

        http().post().uri("/dev/wechat-pay/pay/" + outTradeNo).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.notifyStatus").isEqualTo(204);
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(55_000L);
    }

    @Test
    void rejectedPaymentNotificationsAreBounded() {
        // an hour of its own, three days back, so other tests' notifications do not count
        clock.advance(Duration.ofDays(-3));
        HttpGraphQlTester member = member(unique("flooded"));
        String outTradeNo = outTradeNo(start(member, "k-1"));
        PayNotification forged = wechatPay.forgedNotification(outTradeNo);

        List<Integer> statuses = inParallel(130, i -> post(forged));

        assertThat(statuses).containsOnly(400);
        assertThat(db.sql("""
                        select count(*) as n from wechat_pay_notification
                        where outcome = 'REJECTED' and received_at > :since and received_at <= :now
                        """)
                .bind("since", clock.instant().minus(Duration.ofHours(1))).bind("now", clock.instant())
                .map(row -> row.get("n", Long.class)).one().block()).isBetween(1L, 110L);
        // the genuine notification still counts
        assertThat(wechatPay.pay(outTradeNo)).isEqualTo(204);
        assertThat(WalletDesk.balanceOf(member)).isEqualTo(55_000L);
    }

    @Test
    void theWeChatPayLibraryDoesNotLogTheOpenid(CapturedOutput output) {
        // production logs at INFO (the test profile at WARN)
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        LogLevel before = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getConfiguredLevel();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        try {
            String name = unique("private");
            HttpGraphQlTester member = member(name);
            String outTradeNo = outTradeNo(start(member, "k-1"));
            assertThat(wechatPay.pay(outTradeNo)).isEqualTo(204);
            assertThat(WalletDesk.balanceOf(member)).isEqualTo(55_000L);
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, before);
        }

        assertThat(output.getAll()).doesNotContain("o-fake-private-");
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response start(HttpGraphQlTester member, String key) {
        return member.documentName("startWalletRecharge")
                .variable("input", Map.of("packageId", pack, "storeId", store, "idempotencyKey", key)).execute();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response startAt(HttpGraphQlTester member,
                                                                                   String storeId, String key) {
        return member.documentName("startWalletRecharge")
                .variable("input", Map.of("packageId", pack, "storeId", storeId, "idempotencyKey", key)).execute();
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response startWithoutStore(HttpGraphQlTester member,
                                                                                             String packageId, String key) {
        return member.documentName("startWalletRecharge")
                .variable("input", Map.of("packageId", packageId, "idempotencyKey", key)).execute();
    }

    private static String outTradeNo(org.springframework.graphql.test.tester.GraphQlTester.Response started) {
        return started.path("startWalletRecharge.userErrors").entityList(Object.class).hasSize(0)
                .path("startWalletRecharge.order.outTradeNo").entity(String.class).get();
    }

    private int post(PayNotification n) {
        return http().post().uri("/wechat-pay/notify")
                .headers(h -> {
                    h.set("Content-Type", "application/json");
                    if (n.serial() != null) {
                        h.set("Wechatpay-Serial", n.serial());
                        h.set("Wechatpay-Signature", n.signature());
                        h.set("Wechatpay-Timestamp", n.timestamp());
                        h.set("Wechatpay-Nonce", n.nonce());
                    }
                })
                .bodyValue(n.body()).exchange().returnResult(String.class).getStatus().value();
    }

    private List<String> outcomes(String outTradeNo) {
        return db.sql("select outcome from wechat_pay_notification where out_trade_no = :t order by id")
                .bind("t", outTradeNo).map(row -> row.get("outcome", String.class)).all().collectList().block();
    }

    private List<String> rejectedReasons() {
        return db.sql("select reason from wechat_pay_notification where outcome = 'REJECTED' order by id")
                .map(row -> row.get("reason", String.class)).all().collectList().block();
    }
}
