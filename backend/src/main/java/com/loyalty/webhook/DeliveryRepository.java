package com.loyalty.webhook;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of the webhook outbox: events, their deliveries and every attempt (webhook_event, webhook_delivery, webhook_attempt). */
@Repository
class DeliveryRepository {

    private final DatabaseClient db;

    DeliveryRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A delivery claimed for sending, with what sending needs: the body, where, and the secrets. */
    record Claimed(long deliveryId, long subscriptionId, int tries, String eventId, String eventType, String body,
                   String url, byte[] secretCipher, byte[] previousSecretCipher, Instant previousSecretUntil) {
    }

    Mono<Long> insertEvent(String publicId, long brandId, String type, Long storeId, String body, Instant at) {
        return db.sql("""
                        insert into webhook_event (public_id, brand_id, type, store_id, body, created_at)
                        values (:p, :b, :t, :s, :body, :at) returning id
                        """)
                .bind("p", publicId).bind("b", brandId).bind("t", type)
                .bind("s", Parameter.fromOrEmpty(storeId, Long.class)).bind("body", body).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Queues the event for each subscription, due at once; the ids of the deliveries. */
    Flux<Long> insertDeliveries(long eventId, Collection<Long> subscriptionIds, Instant at) {
        return db.sql("""
                        insert into webhook_delivery (event_id, subscription_id, next_attempt_at, created_at)
                        select :e, s, :at, :at from unnest(cast(:subs as bigint[])) as s
                        on conflict do nothing returning id
                        """)
                .bind("e", eventId).bind("subs", subscriptionIds.toArray(Long[]::new)).bind("at", at)
                .map(row -> row.get("id", Long.class)).all();
    }

    /**
     * Claims up to {@code limit} due PENDING deliveries of ACTIVE subscriptions, oldest due first: counts
     * the attempt and reserves each until {@code leaseUntil}, so no other instance takes it meanwhile
     * (rows another transaction holds are skipped, not waited for).
     */
    Flux<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return db.sql("""
                        with due as (
                            select d.id from webhook_delivery d
                            join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'
                            where d.status = 'PENDING' and d.next_attempt_at <= :now
                            order by d.next_attempt_at, d.id limit :limit
                            for update of d skip locked)
                        update webhook_delivery d
                        set attempts = d.attempts + 1, tries = d.tries + 1, last_attempt_at = :now, next_attempt_at = :lease
                        from due, webhook_event e, webhook_subscription s
                        where d.id = due.id and e.id = d.event_id and s.id = d.subscription_id
                        returning d.id, d.subscription_id, d.tries, e.public_id, e.type, e.body, s.url, s.secret_cipher,
                                  s.previous_secret_cipher, s.previous_secret_until
                        """)
                .bind("now", now).bind("lease", leaseUntil).bind("limit", limit)
                .map(row -> new Claimed(row.get("id", Long.class), row.get("subscription_id", Long.class),
                        row.get("tries", Integer.class), row.get("public_id", String.class),
                        row.get("type", String.class), row.get("body", String.class), row.get("url", String.class),
                        row.get("secret_cipher", byte[].class), row.get("previous_secret_cipher", byte[].class),
                        row.get("previous_secret_until", Instant.class)))
                .all();
    }

    Mono<Void> insertAttempt(long deliveryId, Instant at, int durationMs, Integer statusCode, String error,
                             String snippet) {
        return db.sql("""
                        insert into webhook_attempt (delivery_id, attempted_at, duration_ms, status_code, error, response_snippet)
                        values (:d, :at, :ms, :code, :error, :snippet)
                        """)
                .bind("d", deliveryId).bind("at", at).bind("ms", durationMs)
                .bind("code", Parameter.fromOrEmpty(statusCode, Integer.class))
                .bind("error", Parameter.fromOrEmpty(error, String.class))
                .bind("snippet", Parameter.fromOrEmpty(snippet, String.class))
                .then();
    }

    /** Records the outcome of an attempt: DELIVERED, PENDING again with the next try, or FAILED. */
    Mono<Void> settle(long deliveryId, WebhookDeliveryStatus status, Instant nextAttemptAt, Instant deliveredAt,
                      Integer statusCode, String error) {
        return db.sql("""
                        update webhook_delivery set status = :status, next_attempt_at = coalesce(:next, next_attempt_at),
                            delivered_at = :delivered, last_status_code = :code, last_error = :error
                        where id = :id
                        """)
                .bind("id", deliveryId).bind("status", status.name())
                .bind("next", Parameter.fromOrEmpty(nextAttemptAt, Instant.class))
                .bind("delivered", Parameter.fromOrEmpty(deliveredAt, Instant.class))
                .bind("code", Parameter.fromOrEmpty(statusCode, Integer.class))
                .bind("error", Parameter.fromOrEmpty(error, String.class))
                .then();
    }

    /** Queues the delivery again, due now, with its retries starting over; the delivery after. */
    Mono<WebhookDelivery> replay(long deliveryId, Instant now) {
        return db.sql("""
                        update webhook_delivery d set status = 'PENDING', tries = 0, next_attempt_at = :now, delivered_at = null
                        from webhook_event e where e.id = d.event_id and d.id = :id
                        returning d.*, e.public_id, e.type, e.body
                        """)
                .bind("id", deliveryId).bind("now", now)
                .map(DeliveryRepository::toDelivery).one();
    }

    private static final String SELECT = """
            select d.*, e.public_id, e.type, e.body from webhook_delivery d
            join webhook_event e on e.id = d.event_id
            join webhook_subscription s on s.id = d.subscription_id
            """;

    /** The brand's delivery, locked for this transaction. */
    Mono<WebhookDelivery> lock(long brandId, long id) {
        return db.sql(SELECT + " where s.brand_id = :b and d.id = :id for update of d")
                .bind("b", brandId).bind("id", id).map(DeliveryRepository::toDelivery).one();
    }

    Mono<WebhookDelivery> find(long id) {
        return db.sql(SELECT + " where d.id = :id").bind("id", id).map(DeliveryRepository::toDelivery).one();
    }

    Flux<WebhookDelivery> page(long subscriptionId, WebhookDeliveryStatus status, Long beforeId, int limit) {
        return db.sql(SELECT + """
                         where d.subscription_id = :sub and (cast(:status as text) is null or d.status = :status)
                          and (cast(:before as bigint) is null or d.id < :before)
                        order by d.id desc limit :limit
                        """)
                .bind("sub", subscriptionId)
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(DeliveryRepository::toDelivery).all();
    }

    Mono<Long> count(long subscriptionId, WebhookDeliveryStatus status) {
        return db.sql("""
                        select count(*) as n from webhook_delivery
                        where subscription_id = :sub and (cast(:status as text) is null or status = :status)
                        """)
                .bind("sub", subscriptionId)
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Every attempt at these deliveries, newest first. */
    Flux<WebhookAttempt> attempts(Collection<Long> deliveryIds) {
        return db.sql("select * from webhook_attempt where delivery_id = any(:ids) order by id desc")
                .bind("ids", deliveryIds.toArray(Long[]::new))
                .map(row -> new WebhookAttempt(row.get("id", Long.class), row.get("delivery_id", Long.class),
                        row.get("attempted_at", Instant.class), row.get("duration_ms", Integer.class),
                        row.get("status_code", Integer.class), row.get("error", String.class),
                        row.get("response_snippet", String.class)))
                .all();
    }

    /** Deliveries waiting to go out (PENDING), due or not, of ACTIVE subscriptions: the backlog. */
    Mono<Long> backlog() {
        return db.sql("""
                        select count(*) as n from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                        where d.status = 'PENDING' and s.status = 'ACTIVE'
                        """)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static WebhookDelivery toDelivery(Readable row) {
        return new WebhookDelivery(row.get("id", Long.class), row.get("subscription_id", Long.class),
                row.get("public_id", String.class), row.get("type", String.class),
                WebhookDeliveryStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
                row.get("next_attempt_at", Instant.class), row.get("last_attempt_at", Instant.class),
                row.get("delivered_at", Instant.class), row.get("last_status_code", Integer.class),
                row.get("last_error", String.class), row.get("created_at", Instant.class),
                row.get("body", String.class));
    }
}
