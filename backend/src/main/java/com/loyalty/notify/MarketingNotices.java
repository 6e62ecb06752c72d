package com.loyalty.notify;

import com.loyalty.privacy.ConsentService;
import java.time.Instant;
import java.util.function.LongFunction;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells a crowd of members something marketing (an early access that opened: mall goods, coupons):
 * only those who consent to marketing now, each once whatever retries or instances run it (the
 * caller's dedupe key per member makes queuing again a no-op). A MARKETING purpose
 * ({@link MessageKind}) goes by SMS, and the sender checks the consent again when it sends.
 */
@Service
public class MarketingNotices {

    /** Members whose consents are read at once. */
    private static final int CHUNK = 500;

    private final ConsentService consents;
    private final NotificationOutbox outbox;

    MarketingNotices(ConsentService consents, NotificationOutbox outbox) {
        this.consents = consents;
        this.outbox = outbox;
    }

    /**
     * Queues the purpose's message with {@code payload} for each member of {@code memberIds} who
     * consents to marketing, under {@code dedupeKey(memberId)}, due at {@code at}; how many were
     * queued now (a member told before, by this run or an earlier one, is not counted).
     */
    public Mono<Long> tellConsenting(Flux<Long> memberIds, String purpose, LongFunction<String> dedupeKey, Object payload,
                                     Instant at) {
        return memberIds.buffer(CHUNK)
                .concatMap(ids -> consents.consentsOf(ids).flatMapMany(byId -> Flux.fromIterable(ids)
                        .filter(id -> byId.containsKey(id) && byId.get(id).marketing())))
                .concatMap(memberId -> outbox.enqueue(memberId, purpose, dedupeKey.apply(memberId), payload, at))
                .filter(Boolean::booleanValue)
                .count();
    }
}
