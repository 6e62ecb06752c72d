package com.loyalty.notify;

import com.loyalty.shared.config.BrandProperties;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

/**
 * Queues messages to members; a dedupe key makes queuing the same message twice a no-op. The
 * purpose's channel and template come from {@code loyalty.notify.templates}; the
 * SEND_NOTIFICATIONS job sends what is due.
 */
@Service
public class NotificationOutbox {

    private final OutboxRepository outbox;
    private final NotifyProperties settings;
    private final BrandProperties brand;
    private final JsonMapper json;

    public NotificationOutbox(OutboxRepository outbox, NotifyProperties settings, BrandProperties brand,
                              JsonMapper json) {
        this.outbox = outbox;
        this.settings = settings;
        this.brand = brand;
        this.json = json;
    }

    /**
     * Queues the message (kind = purpose) with its payload as JSON, to be sent from {@code dueAt};
     * false when one with that key was already queued.
     */
    public Mono<Boolean> enqueue(long memberId, String kind, String dedupeKey, Object payload, Instant dueAt) {
        NotifyProperties.Template template = settings.template(kind);
        return Mono.fromCallable(() -> json.writeValueAsString(payload))
                .flatMap(data -> outbox.insert(memberId, NotifyProperties.canonical(kind), dedupeKey, data, dueAt,
                        template.channel(), template.configured() ? template.templateId() : null));
    }

    /**
     * Queues at most one message per member, purpose and business day (the brand-zone date of
     * {@code dueAt}); false when that day already has one.
     */
    public Mono<Boolean> enqueueDaily(long memberId, String purpose, Object data, Instant dueAt) {
        LocalDate day = dueAt.atZone(brand.zone()).toLocalDate();
        return enqueue(memberId, purpose, dailyKey(memberId, purpose, day), data, dueAt);
    }

    /**
     * How the messages whose dedupe key starts with {@code prefix} stand (a sender's own messages,
     * e.g. a campaign's {@code campaign:12:}): queued in all, and pending, sent, failed, skipped.
     */
    public Mono<OutboxCounts> counts(String prefix) {
        return outbox.countByKeyPrefix(prefix);
    }

    /** The dedupe key of a member's message of a purpose on a business day. */
    static String dailyKey(long memberId, String purpose, LocalDate day) {
        return "daily:" + NotifyProperties.canonical(purpose) + ":" + memberId + ":" + day;
    }
}
