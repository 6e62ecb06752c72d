package com.loyalty.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.IntegrationTest;
import com.loyalty.support.SecondInstance;
import com.loyalty.support.Till;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

class LiveUpdatesTest extends IntegrationTest {

    @Test
    void aMemberSeesPointsArriveAfterAPurchase() throws Exception {
        String name = unique("live");
        HttpGraphQlTester member = member(name);
        CompletableFuture<Map<String, Object>> event = first(port, token(name), "pointsChanged",
                "subscription { pointsChanged { balance delta kind } }");

        new Till(newStaff(createStore("live"), "CLERK")).earn(idOf(member), "L-1", 12_300);

        assertThat(event.get(10, java.util.concurrent.TimeUnit.SECONDS))
                .containsEntry("balance", 123).containsEntry("delta", 123).containsEntry("kind", "EARN");
    }

    @Test
    void theMembersPhoneHearsWhereTheirCodeWasScanned() throws Exception {
        String name = unique("scan");
        HttpGraphQlTester member = member(name);
        String store = createStore("scanned");
        String code = member.documentName("memberCode").execute().path("memberCode.token").entity(String.class).get();
        CompletableFuture<Map<String, Object>> event = first(port, token(name), "memberCodeScanned",
                "subscription { memberCodeScanned { storeId storeName } }");

        newStaff(store, "CLERK").documentName("scanMemberCode").variable("token", code).execute()
                .path("scanMemberCode.userErrors").entityList(Object.class).hasSize(0);

        assertThat(event.get(10, java.util.concurrent.TimeUnit.SECONDS)).containsEntry("storeId", store)
                .extractingByKey("storeName").asString().startsWith("scanned-");
    }

    @Test
    void anEventOnOneInstanceReachesASubscriberOnAnother() throws Exception {
        int otherPort = SecondInstance.port();
        String name = unique("remote");
        HttpGraphQlTester member = member(name);
        CompletableFuture<Map<String, Object>> event = first(otherPort, token(name), "pointsChanged",
                "subscription { pointsChanged { balance delta } }");

        new Till(newStaff(createStore("far"), "CLERK")).earn(idOf(member), "F-1", 4_500);

        assertThat(event.get(10, java.util.concurrent.TimeUnit.SECONDS)).containsEntry("balance", 45);
    }

    @Test
    void aSubscriptionWithoutATokenIsUnauthenticated() {
        Throwable refused = client(port, null)
                .document("subscription { pointsChanged { balance } }").executeSubscription()
                .then(Mono.<Throwable>empty())
                .onErrorResume(Mono::just)
                .block(Duration.ofSeconds(10));

        assertThat(refused).isInstanceOfSatisfying(SubscriptionErrorException.class, e ->
                assertThat(e.getErrors()).anySatisfy(error ->
                        assertThat(error.getExtensions()).containsEntry("classification", "UNAUTHENTICATED")));
    }

    private String token(String name) {
        return (String) login(name).get("accessToken");
    }

    /** Subscribes and waits until the server has the subscription, then returns the first event. */
    @SuppressWarnings("unchecked")
    private static CompletableFuture<Map<String, Object>> first(int port, String token, String field, String document)
            throws InterruptedException {
        CompletableFuture<Map<String, Object>> event = client(port, token).document(document)
                .retrieveSubscription(field).toEntity(Map.class)
                .map(m -> (Map<String, Object>) m)
                .next().toFuture();
        Thread.sleep(1_000); // graphql-ws has no acknowledgement of a subscribe message
        return event;
    }

    private static WebSocketGraphQlClient client(int port, String token) {
        return WebSocketGraphQlClient.builder("ws://127.0.0.1:" + port + "/graphql", new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return token == null ? Mono.empty() : Mono.just(Map.of("Authorization", "Bearer " + token));
                    }
                })
                .build();
    }
}
