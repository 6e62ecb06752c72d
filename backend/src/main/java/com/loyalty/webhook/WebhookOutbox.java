package com.loyalty.webhook;

import com.loyalty.client.ApiClient;
import com.loyalty.client.ApiClients;
import com.loyalty.shared.config.AfterCommit;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event into the outbox, in the transaction of the change it tells of, for every ACTIVE
 * subscription that asks for it and whose client acts for the event's store: a client limited to
 * some stores hears only of changes at them; an event with no store (an online order, a member who
 * registered without a store, the monthly tier review, a campaign) goes to brand-wide clients only.
 * No subscription wanting it: nothing is written. The worker ({@link WebhookWorker}) delivers after commit,
 * nudged then rather than waiting for its next poll.
 */
@Service
class WebhookOutbox {

    /** The payload format; a breaking change gets a new version. */
    static final int VERSION = 1;

    private final SubscriptionRepository subscriptions;
    private final WantedEvents wanted;
    private final DeliveryRepository deliveries;
    private final WebhookWorker worker;
    private final ApiClients clients;
    private final JsonMapper json;
    private final BrandProperties brand;
    private final Clock clock;

    WebhookOutbox(SubscriptionRepository subscriptions, WantedEvents wanted, DeliveryRepository deliveries,
                  WebhookWorker worker, ApiClients clients, JsonMapper json, BrandProperties brand, Clock clock) {
        this.worker = worker;
        this.subscriptions = subscriptions;
        this.wanted = wanted;
        this.deliveries = deliveries;
        this.clients = clients;
        this.json = json;
        this.brand = brand;
        this.clock = clock;
    }

    /** Queues the event for the subscriptions that want it; {@code data} is the payload's {@code data}, in its order. */
    Mono<Void> publish(long brandId, WebhookEventType type, Long storeId, Map<String, Object> data) {
        return wanted.wants(brandId, type).filter(Boolean::booleanValue)
                .flatMap(yes -> subscriptions.activeFor(brandId, type).collectList())
                .flatMap(wanting -> wanting.isEmpty() ? Mono.empty()
                        : clients.findAll(brandId).collectMap(ApiClient::id, Function.identity())
                                .map(byId -> wanting.stream()
                                        .filter(s -> reaches(byId.get(s.clientId()), storeId))
                                        .map(WebhookSubscription::id).toList()))
                .flatMap(ids -> ids.isEmpty() ? Mono.empty() : write(brandId, type, storeId, data, ids).then());
    }

    /** Queues the event for these subscriptions only (a test event); the delivery ids. */
    Mono<List<Long>> write(long brandId, WebhookEventType type, Long storeId, Map<String, Object> data,
                           List<Long> subscriptionIds) {
        Instant now = clock.instant();
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type.wireName());
        body.put("version", VERSION);
        body.put("createdAt", time(now));
        body.put("brandId", String.valueOf(brandId));
        body.put("data", data);
        return Mono.fromCallable(() -> json.writeValueAsString(body))
                .flatMap(text -> deliveries.insertEvent(id, brandId, type.wireName(), storeId, text, now))
                .flatMapMany(eventId -> deliveries.insertDeliveries(eventId, subscriptionIds, now))
                .collectList()
                // the worker looks as soon as the change commits, not at its next poll
                .flatMap(ids -> AfterCommit.run(Mono.fromRunnable(worker::nudge)).thenReturn(ids));
    }

    /** Whether the (active) client hears of a change at the store (null: none). */
    static boolean reaches(ApiClient client, Long storeId) {
        if (client == null || !client.active()) {
            return false;
        }
        return storeId == null ? client.storeIds().isEmpty() : client.actsFor(storeId);
    }

    /** An instant as the payloads write it: ISO-8601 in brand time with its offset. */
    String time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, brand.zone()).toString();
    }

    /** A map of the pairs given, keeping their order and null values (fields are always present). */
    static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String id(Long id) {
        return id == null ? null : String.valueOf(id);
    }
}
