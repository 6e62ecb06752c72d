package com.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.Till;
import com.loyalty.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a real receiver on 127.0.0.1: what arrives, signed; a receiver down, slow or
 * answering 500 is retried with backoff (the clock moved, not waited for) and gets each event once;
 * repeated failure disables the subscription with a notice; replays, pauses and store limits.
 */
class WebhookDeliveryTest extends WebhookTestSupport {

    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+)((?:,v1=[0-9a-f]{64})+)");

    @Autowired
    JsonMapper json;

    @Test
    void aPurchaseArrivesAtTheReceiverSignedWithTheSubscriptionsSecret() {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            Subscribed sub = subscribe(apiClient("pos"), receiver.url(), "PURCHASE_RECORDED", "POINTS_CHANGED");
            HttpGraphQlTester member = member(unique("hooked"));
            String memberId = idOf(member);
            String storeId = createStore("webhook");
            new Till(newStaff(storeId, "CLERK")).buy(memberId, "WH-1", 12_345);

            deliverDue();

            List<WebhookReceiver.Received> purchases = receiver.received("purchase.recorded");
            assertThat(purchases).hasSize(1);
            WebhookReceiver.Received got = purchases.get(0);
            assertThat(verifies(got, sub.secret())).as("the signature verifies with the secret").isTrue();
            assertThat(got.header("Content-Type")).startsWith("application/json");
            Map<String, Object> body = json.readValue(got.body(), Map.class);
            assertThat(body).containsEntry("type", "purchase.recorded").containsEntry("version", 1)
                    .containsEntry("brandId", "1").containsEntry("id", got.header("Loyalty-Event-Id"));
            assertThat(OffsetDateTime.parse((String) body.get("createdAt"))).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) body.get("data");
            assertThat(data).containsEntry("memberId", memberId).containsEntry("storeId", storeId)
                    .containsEntry("orderNo", "WH-1").containsEntry("amountCents", 12_345)
                    .containsEntry("paidCents", 12_345).containsEntry("pointsEarned", 123);
            List<WebhookReceiver.Received> points = receiver.received("points.changed");
            assertThat(points).hasSize(1);
            assertThat(json.readValue(points.get(0).body(), Map.class).get("data").toString())
                    .contains("delta=123", "balance=123", "kind=EARN");

            Map<String, Object> delivery = deliveries(sub.id()).stream()
                    .filter(d -> d.get("eventType").equals("purchase.recorded")).findFirst().orElseThrow();
            assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("attempts", 1)
                    .containsEntry("lastStatusCode", 200).containsEntry("payload", got.body());
            assertThat(attemptLog(delivery)).singleElement().satisfies(attempt -> assertThat(attempt)
                    .containsEntry("statusCode", 200).containsEntry("responseSnippet", "{\"ok\":true}"));
        }
    }

    @Test
    void aRunningWorkerDeliversAsSoonAsThePurchaseCommitsWithoutWaitingForItsPoll() throws InterruptedException {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            subscribe(apiClient("prompt"), receiver.url(), "PURCHASE_RECORDED");
            reactor.core.Disposable polling = worker.poll(Duration.ofHours(1));
            try {
                long started = System.nanoTime();
                buySomething();
                for (int i = 0; i < 100 && receiver.received().isEmpty(); i++) {
                    Thread.sleep(50);
                }
                assertThat(receiver.received("purchase.recorded")).hasSize(1);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            } finally {
                polling.dispose();
            }
        }
    }

    @Test
    void aReceiverThatIsDownIsRetriedAfterTheBackoffAndGetsTheEventOnce() {
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            Subscribed sub = subscribe(apiClient("erp"), receiver.url(), "PURCHASE_RECORDED");
            buySomething();

            deliverDue();
            Map<String, Object> first = onlyDelivery(sub.id());
            assertThat(first).containsEntry("status", "PENDING").containsEntry("attempts", 1);
            assertThat((String) first.get("lastError")).isNotBlank();
            Duration wait = Duration.between(clock.instant(), OffsetDateTime.parse((String) first.get("nextAttemptAt"))
                    .toInstant());
            assertThat(wait).as("first retry after 1 minute, plus up to 20% jitter")
                    .isBetween(Duration.ofSeconds(50), Duration.ofSeconds(75));

            receiver.start();
            deliverDue();
            assertThat(receiver.received()).as("not due yet").isEmpty();

            clock.advance(Duration.ofMinutes(2));
            deliverDue();
            clock.advance(Duration.ofHours(30));
            deliverDue();

            assertThat(receiver.received("purchase.recorded")).hasSize(1);
            assertThat(onlyDelivery(sub.id())).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
        }
    }

    @Test
    void aSlowReceiverTimesOutAndIsRetried() {
        try (WebhookReceiver receiver = WebhookReceiver.up().slow(Duration.ofSeconds(4))) {
            Subscribed sub = subscribe(apiClient("slow"), receiver.url(), "PURCHASE_RECORDED");
            buySomething();

            deliverDue();
            Map<String, Object> timedOut = onlyDelivery(sub.id());
            assertThat(timedOut).containsEntry("status", "PENDING");
            assertThat((String) timedOut.get("lastError")).containsIgnoringCase("timeout");
            assertThat(attemptLog(timedOut)).singleElement()
                    .satisfies(a -> assertThat((Integer) a.get("durationMs")).isBetween(1_500, 4_000));

            receiver.slow(Duration.ZERO);
            clock.advance(Duration.ofMinutes(2));
            deliverDue();

            assertThat(onlyDelivery(sub.id())).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
        }
    }

    @Test
    void aReceiverAnswering500IsRetriedOnTheScheduleAndTheLogKeepsEachAnswer() {
        try (WebhookReceiver receiver = WebhookReceiver.up().answering(500, "数据库维护中")) {
            Subscribed sub = subscribe(apiClient("five-hundred"), receiver.url(), "PURCHASE_RECORDED");
            buySomething();

            deliverDue();
            clock.advance(Duration.ofMinutes(2));
            deliverDue();
            clock.advance(Duration.ofMinutes(4));
            deliverDue();
            assertThat(receiver.received()).as("second retry waits 5 minutes (+ jitter)").hasSize(2);
            clock.advance(Duration.ofMinutes(3));
            deliverDue();

            Map<String, Object> delivery = onlyDelivery(sub.id());
            assertThat(delivery).containsEntry("status", "PENDING").containsEntry("attempts", 3)
                    .containsEntry("lastStatusCode", 500).containsEntry("lastError", "HTTP 500");
            assertThat(attemptLog(delivery)).hasSize(3).allSatisfy(a -> assertThat(a)
                    .containsEntry("statusCode", 500).containsEntry("responseSnippet", "数据库维护中"));
            assertThat(receiver.received()).extracting(r -> r.header("Loyalty-Event-Id")).containsOnly(
                    (String) delivery.get("eventId"));
        }
    }

    @Test
    void aSubscriptionFailingDeliveryAfterDeliveryIsDisabledWithANoticeAndGetsNothingMore() {
        try (WebhookReceiver receiver = WebhookReceiver.up().answering(503, "down for good")) {
            Subscribed sub = subscribe(apiClient("failing"), receiver.url(), "PURCHASE_RECORDED");
            for (int i = 0; i < 5; i++) {
                sendTest(sub.id());
            }
            for (int attempt = 0; attempt < 7; attempt++) {
                deliverDue();
                clock.advance(Duration.ofHours(15));
            }

            assertThat(receiver.received()).as("5 deliveries x 7 attempts").hasSize(35);
            Map<String, Object> disabled = subscription(sub.id());
            assertThat(disabled).containsEntry("status", "DISABLED").containsEntry("consecutiveFailures", 5);
            assertThat((String) disabled.get("disabledReason")).contains("已自动停用");
            assertThat(disabled.get("disabledAt")).isNotNull();
            assertThat(deliveries(sub.id())).extracting(d -> d.get("status")).containsOnly("FAILED");
            assertThat(admin().document("""
                            { webhookSubscriptions(filter: {status: DISABLED}) { totalCount edges { node { id } } } }""")
                    .execute().path("webhookSubscriptions.edges[*].node.id").entityList(String.class).get())
                    .as("what the console's notice lists").contains(sub.id());

            buySomething();
            deliverDue();
            assertThat(receiver.received()).as("a disabled subscription gets nothing").hasSize(35);

            admin().document("mutation($id: ID!) { resumeWebhookSubscription(input: {subscriptionId: $id}) { "
                            + "subscription { status consecutiveFailures } userErrors { code } } }")
                    .variable("id", sub.id()).execute()
                    .path("resumeWebhookSubscription.subscription.status").entity(String.class).isEqualTo("ACTIVE")
                    .path("resumeWebhookSubscription.subscription.consecutiveFailures").entity(Integer.class).isEqualTo(0);
        }
    }

    @Test
    void aFailedDeliveryReplayedArrivesAgainWithTheSameEventId() {
        try (WebhookReceiver receiver = WebhookReceiver.up().answering(500, "oops")) {
            Subscribed sub = subscribe(apiClient("replayed"), receiver.url(), "PURCHASE_RECORDED");
            String deliveryId = sendTest(sub.id());
            deliverDue();
            receiver.answering(200, "thanks");

            admin().document("mutation($id: ID!) { replayWebhookDelivery(input: {deliveryId: $id}) { "
                            + "delivery { id status } userErrors { code } } }")
                    .variable("id", deliveryId).execute()
                    .path("replayWebhookDelivery.userErrors").entityList(Object.class).hasSize(0)
                    .path("replayWebhookDelivery.delivery.status").entity(String.class).isEqualTo("PENDING");
            deliverDue();

            Map<String, Object> delivery = onlyDelivery(sub.id());
            assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("attempts", 2);
            assertThat(receiver.received()).hasSize(2).extracting(r -> r.header("Loyalty-Event-Id"))
                    .containsOnly((String) delivery.get("eventId"));
            assertThat(receiver.received().get(0).body()).isEqualTo(receiver.received().get(1).body());
            assertThat(auditOf(adminId(), "REPLAY_WEBHOOK_DELIVERY")).isNotEmpty();
        }
    }

    @Test
    void aPausedSubscriptionGetsNothingUntilResumed() {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            Subscribed sub = subscribe(apiClient("paused"), receiver.url(), "PURCHASE_RECORDED");
            admin().document("mutation($id: ID!) { pauseWebhookSubscription(input: {subscriptionId: $id}) { "
                            + "subscription { status } } }")
                    .variable("id", sub.id()).execute()
                    .path("pauseWebhookSubscription.subscription.status").entity(String.class).isEqualTo("PAUSED");
            buySomething();
            deliverDue();
            assertThat(receiver.received()).isEmpty();
            assertThat(deliveries(sub.id())).as("nothing queued while paused").isEmpty();
            admin().document("mutation($id: ID!) { sendTestWebhook(input: {subscriptionId: $id}) { userErrors { code } } }")
                    .variable("id", sub.id()).execute()
                    .path("sendTestWebhook.userErrors[0].code").entity(String.class).isEqualTo("WEBHOOK_NOT_ACTIVE");

            admin().document("mutation($id: ID!) { resumeWebhookSubscription(input: {subscriptionId: $id}) { "
                            + "subscription { status } } }")
                    .variable("id", sub.id()).execute();
            buySomething();
            deliverDue();
            assertThat(receiver.received("purchase.recorded")).hasSize(1);
        }
    }

    @Test
    void aClientLimitedToAStoreHearsOnlyOfThatStoreAndABrandWideOneOfEvery() {
        try (WebhookReceiver storeReceiver = WebhookReceiver.up(); WebhookReceiver brandReceiver = WebhookReceiver.up()) {
            String storeA = createStore("webhook-a");
            String storeB = createStore("webhook-b");
            subscribe(apiClient("pos-a", Long.parseLong(storeA)), storeReceiver.url(), "PURCHASE_RECORDED");
            subscribe(apiClient("erp"), brandReceiver.url(), "PURCHASE_RECORDED");
            String memberId = idOf(member(unique("two-stores")));

            new Till(newStaff(storeA, "CLERK")).buy(memberId, "A-1", 1_000);
            new Till(newStaff(storeB, "CLERK")).buy(memberId, "B-1", 2_000);
            deliverDue();

            assertThat(storeReceiver.received("purchase.recorded")).extracting(r -> r.body())
                    .singleElement().asString().contains("\"orderNo\":\"A-1\"");
            assertThat(brandReceiver.received("purchase.recorded")).hasSize(2);
        }
    }

    @Test
    void afterARotationDeliveriesAreSignedWithTheNewSecretAndForADayTheOldOneToo() {
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            Subscribed sub = subscribe(apiClient("rotating"), receiver.url(), "PURCHASE_RECORDED");
            String newSecret = admin().document("mutation($id: ID!) { rotateWebhookSecret(input: {subscriptionId: $id}) { "
                            + "secret userErrors { code } } }")
                    .variable("id", sub.id()).execute()
                    .path("rotateWebhookSecret.secret").entity(String.class).get();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(sub.secret());

            sendTest(sub.id());
            deliverDue();
            clock.advance(Duration.ofHours(25));
            sendTest(sub.id());
            deliverDue();

            List<WebhookReceiver.Received> got = receiver.received();
            assertThat(got).hasSize(2);
            assertThat(verifies(got.get(0), newSecret)).isTrue();
            assertThat(verifies(got.get(0), sub.secret())).as("the old secret during the grace").isTrue();
            assertThat(verifies(got.get(1), newSecret)).isTrue();
            assertThat(verifies(got.get(1), sub.secret())).as("the old secret after the grace").isFalse();
        }
    }

    @Test
    void aSubscriptionNeedsAnHttpsUrlOutsideThePrivateNetworkAndAnActiveClient() {
        long client = apiClient("strict");
        assertThat(createError(client, "http://example.com/hook")).isEqualTo("INVALID_INPUT");
        assertThat(createError(client, "https://10.1.2.3/hook")).isEqualTo("INVALID_INPUT");
        assertThat(createError(client, "https://user:pw@example.com/hook")).isEqualTo("INVALID_INPUT");
        assertThat(createError(client, "not a url")).isEqualTo("INVALID_INPUT");
        db.sql("update api_client set status = 'REVOKED' where id = :id").bind("id", client).then().block();
        assertThat(createError(client, "https://example.com/hook")).isEqualTo("INVALID_INPUT");
    }

    private String createError(long clientId, String url) {
        return admin().document("""
                        mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
                          secret userErrors { code } } }""")
                .variable("input", Map.of("clientId", String.valueOf(clientId), "url", url,
                        "events", List.of("PURCHASE_RECORDED")))
                .execute().path("createWebhookSubscription.userErrors[0].code").entity(String.class).get();
    }

    private String sendTest(String subscriptionId) {
        return admin().document("mutation($id: ID!) { sendTestWebhook(input: {subscriptionId: $id}) { "
                        + "delivery { id eventType } userErrors { code } } }")
                .variable("id", subscriptionId).execute()
                .path("sendTestWebhook.userErrors").entityList(Object.class).hasSize(0)
                .path("sendTestWebhook.delivery.eventType").entity(String.class).isEqualTo("webhook.test")
                .path("sendTestWebhook.delivery.id").entity(String.class).get();
    }

    private void buySomething() {
        String memberId = idOf(member(unique("buyer")));
        new Till(newStaff(createStore("webhook"), "CLERK")).buy(memberId, unique("ORD"), 5_000);
    }

    private Map<String, Object> onlyDelivery(String subscriptionId) {
        List<Map<String, Object>> all = deliveries(subscriptionId);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attemptLog(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attemptLog");
    }

    private String adminId() {
        return String.valueOf(db.sql("select id from staff where username = 'root-admin'")
                .map(row -> row.get("id", Long.class)).one().block());
    }

    /** Checks the signature as a receiver would: any v1 matching HMAC-SHA256("t.body") with the secret. */
    static boolean verifies(WebhookReceiver.Received got, String secret) {
        Matcher m = SIGNATURE.matcher(got.header("Loyalty-Signature"));
        assertThat(m.matches()).as("signature header %s", got.header("Loyalty-Signature")).isTrue();
        long t = Long.parseLong(m.group(1));
        String expected = WebhookSignature.sign(t, got.body(), secret);
        return List.of(m.group(2).substring(1).split(",")).stream().map(v -> v.substring(3)).anyMatch(expected::equals);
    }
}
