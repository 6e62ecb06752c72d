package com.loyalty.notify;

import java.time.Instant;

/**
 * GraphQL input of {@code sentNotifications(filter:)}; null fields leave the list open.
 *
 * @param purpose what the messages are about, e.g. POINTS_EXPIRING
 * @param from    queued at or after
 * @param to      queued before
 */
public record SentNotificationFilter(NotificationStatus status, Channel channel, String purpose, Long memberId,
                                     Instant from, Instant to) {

    static SentNotificationFilter none() {
        return new SentNotificationFilter(null, null, null, null, null, null);
    }
}
