package com.loyalty.notify;

import com.loyalty.shared.graphql.SearchText;
import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of the notification outbox: queuing, taking due messages, recording outcomes, listing. */
@Repository
class OutboxRepository {

    private final DatabaseClient db;

    OutboxRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A message taken for sending, with what the sender needs to reach the member and whether they
     * consent to marketing now (false once their account is closed).
     */
    public record Due(Notification message, String openid, byte[] phoneCipher, boolean marketingConsent,
                      String unionid) {
    }

    /** The member's columns a {@link Due} reads, for {@code join member m}. */
    private static final String RECIPIENT = "m.openid, m.unionid, m.phone_cipher, "
            + "m.marketing_consent and m.closed_at is null as marketing";

    /** Queues the message unless one with the dedupe key exists; false in that case. */
    public Mono<Boolean> insert(long memberId, String purpose, String dedupeKey, String data, Instant dueAt,
                                Channel channel, String template) {
        return db.sql("""
                        insert into notification_outbox (member_id, kind, dedupe_key, payload, due_at, next_attempt_at,
                                                         channel, template)
                        values (:memberId, :kind, :key, :payload, :dueAt, :dueAt, :channel, :template)
                        on conflict (dedupe_key) do nothing
                        """)
                .bind("memberId", memberId).bind("kind", purpose).bind("key", dedupeKey).bind("payload", data)
                .bind("dueAt", dueAt).bind("channel", channel.name())
                .bind("template", Parameter.fromOrEmpty(template, String.class))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /**
     * Takes up to {@code limit} due PENDING messages, oldest first: counts an attempt and reserves each until
     * {@code leaseUntil}, so no other run or instance takes them meanwhile (rows another
     * transaction holds are skipped, not waited for).
     */
    public Flux<Due> takeDue(Instant now, Instant leaseUntil, int limit) {
        return db.sql("""
                        with taken as (
                            update notification_outbox o
                            set attempts = o.attempts + 1, last_attempt_at = :now, next_attempt_at = :lease
                            from member m
                            where m.id = o.member_id and o.id in (
                                select id from notification_outbox
                                where status = 'PENDING' and next_attempt_at <= :now
                                order by next_attempt_at, id limit :limit
                                for update skip locked)
                            returning o.*, %s)
                        select * from taken order by due_at, id
                        """.formatted(RECIPIENT))
                .bind("now", now).bind("lease", leaseUntil).bind("limit", limit)
                .map(OutboxRepository::toDue)
                .all();
    }

    /** Moves every due PENDING message to the end of quiet hours; how many. */
    public Mono<Long> hold(Instant now, Instant until) {
        return db.sql("""
                        update notification_outbox set next_attempt_at = :until
                        where id in (select id from notification_outbox
                                     where status = 'PENDING' and next_attempt_at <= :now
                                     for update skip locked)
                        """)
                .bind("now", now).bind("until", until)
                .fetch().rowsUpdated();
    }

    /** Records the outcome of an attempt: a final status, or PENDING again with the next try; keeps the last error. */
    public Mono<Void> record(long id, NotificationStatus status, Instant nextAttemptAt, Instant sentAt, String error) {
        return db.sql("""
                        update notification_outbox
                        set status = :status, next_attempt_at = coalesce(:next, next_attempt_at), sent_at = :sentAt,
                            last_error = coalesce(:error, last_error)
                        where id = :id
                        """)
                .bind("id", id).bind("status", status.name())
                .bind("next", Parameter.fromOrEmpty(nextAttemptAt, Instant.class))
                .bind("sentAt", Parameter.fromOrEmpty(sentAt, Instant.class))
                .bind("error", Parameter.fromOrEmpty(error, String.class))
                .then();
    }

    /**
     * The sent-messages filter as SQL on {@code notification_outbox o join member m}: the brand's
     * members, with {@code :store} only those of the store (registered or bought there).
     */
    private static final String SENT_FILTER = """
            m.brand_id = :b
              and (cast(:store as bigint) is null or m.registration_store_id = :store
                   or exists (select 1 from purchase p where p.member_id = m.id and p.store_id = :store))
              and (cast(:status as text) is null or o.status = :status)
              and (cast(:channel as text) is null or o.channel = :channel)
              and (cast(:purpose as text) is null or o.kind = :purpose)
              and (cast(:member as bigint) is null or o.member_id = :member)
              and (cast(:from as timestamptz) is null or o.created_at >= :from)
              and (cast(:to as timestamptz) is null or o.created_at < :to)
            """;

    /** A page of the messages to the brand's (or the store's) members, newest first, with whom they went to. */
    public Flux<Due> sentPage(long brandId, Long storeId, SentNotificationFilter f, Long beforeId, int limit) {
        return bindSent(db.sql("select o.*, " + RECIPIENT + " from notification_outbox o "
                        + "join member m on m.id = o.member_id where " + SENT_FILTER
                        + " and (cast(:before as bigint) is null or o.id < :before) order by o.id desc limit :limit"),
                brandId, storeId, f)
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(OutboxRepository::toDue)
                .all();
    }

    /** One message to the brand's (or the store's) members, with whom it went to. */
    public Mono<Due> sent(long brandId, Long storeId, long id) {
        return bindSent(db.sql("select o.*, " + RECIPIENT + " from notification_outbox o "
                        + "join member m on m.id = o.member_id where " + SENT_FILTER + " and o.id = :id"),
                brandId, storeId, SentNotificationFilter.none())
                .bind("id", id)
                .map(OutboxRepository::toDue)
                .one();
    }

    public Mono<Long> countSent(long brandId, Long storeId, SentNotificationFilter f) {
        return bindSent(db.sql("select count(*) as n from notification_outbox o join member m on m.id = o.member_id where "
                        + SENT_FILTER), brandId, storeId, f)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindSent(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                              Long storeId, SentNotificationFilter f) {
        return spec.bind("b", brandId).bind("store", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("status", Parameter.fromOrEmpty(f.status() == null ? null : f.status().name(), String.class))
                .bind("channel", Parameter.fromOrEmpty(f.channel() == null ? null : f.channel().name(), String.class))
                .bind("purpose", Parameter.fromOrEmpty(f.purpose(), String.class))
                .bind("member", Parameter.fromOrEmpty(f.memberId(), Long.class))
                .bind("from", Parameter.fromOrEmpty(f.from(), Instant.class))
                .bind("to", Parameter.fromOrEmpty(f.to(), Instant.class));
    }

    /** The message goes by another channel than queued (a fallback), with that channel's template. */
    public Mono<Void> rerouted(long id, Channel channel, String template) {
        return db.sql("update notification_outbox set channel = :c, template = :t where id = :id")
                .bind("id", id).bind("c", channel.name()).bind("t", template).then();
    }

    /** Keeps the provider's id of a message it accepted, to match its delivery receipt. */
    public Mono<Void> sentAs(long id, String providerMessageId) {
        return db.sql("update notification_outbox set provider_message_id = :p where id = :id")
                .bind("id", id).bind("p", providerMessageId).then();
    }

    /**
     * Records a delivery receipt on the SMS the provider knows as {@code providerMessageId}; a repeated
     * receipt changes nothing, a later one replaces an earlier one. False when no such message.
     */
    public Mono<Boolean> receipt(String providerMessageId, Notification.DeliveryStatus status, Instant at,
                                 String note, Instant reportedAt) {
        return db.sql("""
                        update notification_outbox
                        set delivery_status = :status, delivered_at = :at, delivery_note = :note,
                            delivery_reported_at = :reported
                        where provider_message_id = :p and channel = 'SMS'
                        """)
                .bind("p", providerMessageId).bind("status", status.name())
                .bind("at", Parameter.fromOrEmpty(at, Instant.class))
                .bind("note", Parameter.fromOrEmpty(note, String.class)).bind("reported", reportedAt)
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    /** Messages waiting to go out (PENDING), due or not: the outbox backlog. */
    /** Empties the member's messages and skips those not sent yet (the member's account was erased). */
    public Mono<Void> forget(long memberId) {
        return db.sql("""
                        update notification_outbox set payload = '{}',
                            status = case when status = 'PENDING' then 'SKIPPED' else status end
                        where member_id = :m
                        """).bind("m", memberId).then();
    }

    /** Messages whose dedupe key starts with the prefix, by status. */
    public Mono<OutboxCounts> countByKeyPrefix(String prefix) {
        return db.sql("""
                        select count(*) as queued, count(*) filter (where status = 'PENDING') as pending,
                               count(*) filter (where status = 'SENT') as sent,
                               count(*) filter (where status = 'FAILED') as failed,
                               count(*) filter (where status = 'SKIPPED') as skipped
                        from notification_outbox where dedupe_key like :prefix
                        """)
                .bind("prefix", SearchText.literal(prefix) + "%")
                .map(row -> new OutboxCounts(row.get("queued", Long.class), row.get("pending", Long.class),
                        row.get("sent", Long.class), row.get("failed", Long.class), row.get("skipped", Long.class)))
                .one();
    }

    public Mono<Long> backlog() {
        return db.sql("select count(*) as n from notification_outbox where status = 'PENDING'")
                .map(row -> row.get("n", Long.class)).one();
    }

    /** The messages to the member, for their data export. */
    public Mono<String> exportNotifications(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select kind, channel, payload, status, due_at, sent_at from notification_outbox where member_id = :m order by id"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static Due toDue(Readable row) {
        return new Due(toNotification(row), row.get("openid", String.class), row.get("phone_cipher", byte[].class),
                Boolean.TRUE.equals(row.get("marketing", Boolean.class)), row.get("unionid", String.class));
    }

    private static Notification toNotification(Readable row) {
        return new Notification(
                row.get("id", Long.class),
                row.get("member_id", Long.class),
                row.get("kind", String.class),
                Channel.valueOf(row.get("channel", String.class)),
                row.get("template", String.class),
                row.get("payload", String.class),
                NotificationStatus.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class),
                row.get("due_at", Instant.class),
                row.get("next_attempt_at", Instant.class),
                row.get("sent_at", Instant.class),
                row.get("last_error", String.class),
                row.get("created_at", Instant.class),
                null,
                row.get("provider_message_id", String.class),
                delivery(row));
    }

    private static Notification.Delivery delivery(Readable row) {
        String status = row.get("delivery_status", String.class);
        return status == null ? null : new Notification.Delivery(Notification.DeliveryStatus.valueOf(status),
                row.get("delivered_at", Instant.class), row.get("delivery_note", String.class),
                row.get("delivery_reported_at", Instant.class));
    }
}
