package com.loyalty.webhook;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of webhook subscriptions (table webhook_subscription). */
@Repository
class SubscriptionRepository {

    private final DatabaseClient db;

    SubscriptionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A subscription with its (encrypted) secrets, for signing and for the service's checks. */
    record Stored(WebhookSubscription subscription, byte[] secretCipher, byte[] previousSecretCipher,
                  Instant previousSecretUntil) {
    }

    Mono<WebhookSubscription> insert(long brandId, long clientId, String url, List<WebhookEventType> events,
                                     String description, byte[] secretCipher, Long staffId, Instant now) {
        return db.sql("""
                        insert into webhook_subscription (brand_id, client_id, url, events, description, secret_cipher,
                                                          created_by, created_at, updated_at)
                        values (:b, :c, :url, :events, :d, :secret, :staff, :now, :now)
                        returning *
                        """)
                .bind("b", brandId).bind("c", clientId).bind("url", url).bind("events", names(events))
                .bind("d", Parameter.fromOrEmpty(description, String.class)).bind("secret", secretCipher)
                .bind("staff", Parameter.fromOrEmpty(staffId, Long.class)).bind("now", now)
                .map(SubscriptionRepository::toSubscription).one();
    }

    /** The brand's subscription, locked for this transaction. */
    Mono<Stored> lock(long brandId, long id) {
        return db.sql("select * from webhook_subscription where brand_id = :b and id = :id for update")
                .bind("b", brandId).bind("id", id).map(SubscriptionRepository::toStored).one();
    }

    Mono<WebhookSubscription> find(long brandId, long id) {
        return db.sql("select * from webhook_subscription where brand_id = :b and id = :id")
                .bind("b", brandId).bind("id", id).map(SubscriptionRepository::toSubscription).one();
    }

    Mono<WebhookSubscription> update(long id, String url, List<WebhookEventType> events, String description, Instant now) {
        return db.sql("""
                        update webhook_subscription set url = :url, events = :events, description = :d, updated_at = :now
                        where id = :id returning *
                        """)
                .bind("id", id).bind("url", url).bind("events", names(events))
                .bind("d", Parameter.fromOrEmpty(description, String.class)).bind("now", now)
                .map(SubscriptionRepository::toSubscription).one();
    }

    /** Sets the status; ACTIVE again clears the failure count and the disabling. */
    Mono<WebhookSubscription> setStatus(long id, WebhookSubscriptionStatus status, Instant now) {
        return db.sql("""
                        update webhook_subscription set status = :s, updated_at = :now,
                            consecutive_failures = case when :s = 'ACTIVE' then 0 else consecutive_failures end,
                            disabled_at = case when :s = 'ACTIVE' then null else disabled_at end,
                            disabled_reason = case when :s = 'ACTIVE' then null else disabled_reason end
                        where id = :id returning *
                        """)
                .bind("id", id).bind("s", status.name()).bind("now", now)
                .map(SubscriptionRepository::toSubscription).one();
    }

    Mono<WebhookSubscription> rotate(long id, byte[] secretCipher, byte[] previousCipher, Instant previousUntil,
                                     Instant now) {
        return db.sql("""
                        update webhook_subscription set secret_cipher = :secret, previous_secret_cipher = :previous,
                            previous_secret_until = :until, secret_rotated_at = :now, updated_at = :now
                        where id = :id returning *
                        """)
                .bind("id", id).bind("secret", secretCipher).bind("previous", previousCipher)
                .bind("until", previousUntil).bind("now", now)
                .map(SubscriptionRepository::toSubscription).one();
    }

    Mono<Long> delete(long id) {
        return db.sql("delete from webhook_subscription where id = :id").bind("id", id).fetch().rowsUpdated();
    }

    /** The brand's ACTIVE subscriptions asking for the event: the outbox's first question for every change. */
    Flux<WebhookSubscription> activeFor(long brandId, WebhookEventType type) {
        return db.sql("""
                        select * from webhook_subscription
                        where brand_id = :b and status = 'ACTIVE' and :type = any(events) order by id
                        """)
                .bind("b", brandId).bind("type", type.name())
                .map(SubscriptionRepository::toSubscription).all();
    }

    /** Each brand's event types some ACTIVE subscription asks for. */
    Flux<java.util.Map.Entry<Long, WebhookEventType>> activeEventTypes() {
        return db.sql("select distinct brand_id, unnest(events) as event from webhook_subscription where status = 'ACTIVE'")
                .map(row -> java.util.Map.entry(row.get("brand_id", Long.class),
                        WebhookEventType.valueOf(row.get("event", String.class))))
                .all();
    }

    /**
     * Counts a delivery that ran out of attempts; at {@code disableAfter} in a row an ACTIVE subscription
     * becomes DISABLED with the reason given. Returns the subscription after, and whether this disabled it.
     */
    Mono<Disabling> countFailure(long id, int disableAfter, Instant now, String reason) {
        return db.sql("""
                        with before as (select status from webhook_subscription where id = :id for update)
                        update webhook_subscription s set consecutive_failures = s.consecutive_failures + 1,
                            status = case when s.status = 'ACTIVE' and s.consecutive_failures + 1 >= :n then 'DISABLED'
                                          else s.status end,
                            disabled_at = case when s.status = 'ACTIVE' and s.consecutive_failures + 1 >= :n then :now
                                               else s.disabled_at end,
                            disabled_reason = case when s.status = 'ACTIVE' and s.consecutive_failures + 1 >= :n
                                                   then :reason else s.disabled_reason end
                        from before where s.id = :id
                        returning s.*, before.status as status_before
                        """)
                .bind("id", id).bind("n", disableAfter).bind("now", now).bind("reason", reason)
                .map(row -> new Disabling(toSubscription(row),
                        "ACTIVE".equals(row.get("status_before", String.class))
                                && "DISABLED".equals(row.get("status", String.class))))
                .one();
    }

    record Disabling(WebhookSubscription subscription, boolean disabledNow) {
    }

    /** A delivery went through: the failures in a row start again from zero. */
    Mono<Void> countSuccess(long id) {
        return db.sql("update webhook_subscription set consecutive_failures = 0 where id = :id and consecutive_failures <> 0")
                .bind("id", id).then();
    }

    private static final String FILTER = """
            brand_id = :b
              and (cast(:client as bigint) is null or client_id = :client)
              and (cast(:status as text) is null or status = :status)
              and (cast(:event as text) is null or :event = any(events))
            """;

    Flux<WebhookSubscription> page(long brandId, WebhookSubscriptionFilter f, Long beforeId, int limit) {
        return bind(db.sql("select * from webhook_subscription where " + FILTER
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit"), brandId, f)
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(SubscriptionRepository::toSubscription).all();
    }

    Mono<Long> count(long brandId, WebhookSubscriptionFilter f) {
        return bind(db.sql("select count(*) as n from webhook_subscription where " + FILTER), brandId, f)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                          WebhookSubscriptionFilter f) {
        return spec.bind("b", brandId)
                .bind("client", Parameter.fromOrEmpty(f.clientId(), Long.class))
                .bind("status", Parameter.fromOrEmpty(f.status() == null ? null : f.status().name(), String.class))
                .bind("event", Parameter.fromOrEmpty(f.event() == null ? null : f.event().name(), String.class));
    }

    private static String[] names(List<WebhookEventType> events) {
        return events.stream().map(Enum::name).toArray(String[]::new);
    }

    static WebhookSubscription toSubscription(Readable row) {
        String[] events = row.get("events", String[].class);
        return new WebhookSubscription(row.get("id", Long.class), row.get("brand_id", Long.class),
                row.get("client_id", Long.class), row.get("url", String.class),
                Arrays.stream(events == null ? new String[0] : events).map(WebhookEventType::valueOf).toList(),
                row.get("description", String.class),
                WebhookSubscriptionStatus.valueOf(row.get("status", String.class)),
                row.get("consecutive_failures", Integer.class), row.get("disabled_at", Instant.class),
                row.get("disabled_reason", String.class), row.get("secret_rotated_at", Instant.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }

    private static Stored toStored(Readable row) {
        return new Stored(toSubscription(row), row.get("secret_cipher", byte[].class),
                row.get("previous_secret_cipher", byte[].class), row.get("previous_secret_until", Instant.class));
    }
}
