package com.loyalty.notify;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

/** Queues messages to members; a dedupe key makes queuing the same message twice a no-op. */
@Repository
public class NotificationOutbox {

    private final DatabaseClient db;
    private final JsonMapper json;

    public NotificationOutbox(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Queues the message with its payload as JSON; false when one with that key was already queued. */
    public Mono<Boolean> enqueue(long memberId, String kind, String dedupeKey, Object payload, Instant dueAt) {
        return db.sql("""
                        insert into notification_outbox (member_id, kind, dedupe_key, payload, due_at)
                        values (:memberId, :kind, :key, :payload, :dueAt)
                        on conflict (dedupe_key) do nothing
                        """)
                .bind("memberId", memberId).bind("kind", kind).bind("key", dedupeKey)
                .bind("payload", json.writeValueAsString(payload)).bind("dueAt", dueAt)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }
}
