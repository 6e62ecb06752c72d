package com.loyalty.notify;

import java.time.Instant;

/**
 * One message in the outbox, as staff see it.
 *
 * @param purpose       what it is about, e.g. POINTS_EXPIRING (the outbox's kind)
 * @param template      WeChat template id or SMS template code; null when the purpose had none
 * @param data          the message's data as JSON
 * @param nextAttemptAt when the sender may next try it; null unless PENDING
 * @param lastError     why it was retried, skipped or failed
 */
public record Notification(
        long id,
        long memberId,
        String purpose,
        Channel channel,
        String template,
        String data,
        NotificationStatus status,
        int attempts,
        Instant dueAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String lastError,
        Instant createdAt) {

    @Override
    public Instant nextAttemptAt() {
        return status == NotificationStatus.PENDING ? nextAttemptAt : null;
    }
}
