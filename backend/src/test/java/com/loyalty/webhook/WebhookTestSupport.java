package com.loyalty.webhook;

import com.loyalty.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** What the webhook tests share: API clients, subscriptions made by the admin, the worker run by hand. */
abstract class WebhookTestSupport extends IntegrationTest {

    @Autowired
    WebhookWorker worker;

    /** Other tests' subscriptions (their receivers gone) are paused, so each test sees only its own. */
    @BeforeEach
    void pauseOtherTestsSubscriptions() {
        db.sql("update webhook_subscription set status = 'PAUSED' where status = 'ACTIVE'").then().block();
    }

    /** An active API client of brand 1 acting for these stores (none: every store); its id. */
    long apiClient(String name, Long... storeIds) {
        return db.sql("""
                        insert into api_client (brand_id, name, kind, scopes, store_ids)
                        values (1, :n, 'POS', '{}', :s) returning id
                        """)
                .bind("n", unique(name)).bind("s", storeIds)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    /** The admin subscribes the client; the answer's subscription id and secret. */
    @SuppressWarnings("unchecked")
    Subscribed subscribe(long clientId, String url, String... events) {
        Map<String, Object> payload = admin().document("""
                        mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) {
                          subscription { id status } secret userErrors { code message field } } }""")
                .variable("input", Map.of("clientId", String.valueOf(clientId), "url", url, "events", List.of(events)))
                .execute()
                .path("createWebhookSubscription.userErrors").entityList(Object.class).hasSize(0)
                .path("createWebhookSubscription").entity(Map.class).get();
        return new Subscribed((String) ((Map<String, Object>) payload.get("subscription")).get("id"),
                (String) payload.get("secret"));
    }

    record Subscribed(String id, String secret) {
    }

    /** Runs the delivery worker once, as each instance's poller does; how many attempts it made. */
    int deliverDue() {
        return worker.deliverDue().block(PATIENCE);
    }

    /** The subscription's deliveries as the admin reads them, newest first, with their attempt logs. */
    List<Map<String, Object>> deliveries(String subscriptionId) {
        return admin().document("""
                        query($id: ID!) { webhookSubscription(id: $id) { deliveries(first: 100) { totalCount edges { node {
                          id eventId eventType status attempts nextAttemptAt lastStatusCode lastError payload
                          attemptLog { attemptedAt durationMs statusCode error responseSnippet } } } } } }""")
                .variable("id", subscriptionId).execute()
                .path("webhookSubscription.deliveries.edges[*].node").entityList(Object.class).get()
                .stream().map(node -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) node;
                    return map;
                }).toList();
    }

    /** The subscription as the admin reads it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> subscription(String id) {
        return admin().document("""
                        query($id: ID!) { webhookSubscription(id: $id) { id status consecutiveFailures disabledAt
                          disabledReason clientName events url } }""")
                .variable("id", id).execute().path("webhookSubscription").entity(Map.class).get();
    }
}
