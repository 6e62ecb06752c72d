package com.loyalty.notify;

import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Queues messages to members; a dedupe key makes queuing the same message twice a no-op. */
@Repository
public class NotificationOutbox {

    private final DatabaseClient db;

    public NotificationOutbox(DatabaseClient db) {
        this.db = db;
    }

    /** True when queued now, false when a message with that key was already queued. */
    public Mono<Boolean> enqueue(long memberId, String kind, String dedupeKey, String payload, Instant dueAt) {
        return db.sql("""
                        insert into notification_outbox (member_id, kind, dedupe_key, payload, due_at)
                        values (:memberId, :kind, :key, :payload, :dueAt)
                        on conflict (dedupe_key) do nothing
                        """)
                .bind("memberId", memberId).bind("kind", kind).bind("key", dedupeKey)
                .bind("payload", payload).bind("dueAt", dueAt)
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }
}
