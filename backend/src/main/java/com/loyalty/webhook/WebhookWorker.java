package com.loyalty.webhook;

import com.loyalty.shared.crypto.PhoneCipher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Delivers the outbox. Every instance polls ({@code loyalty.webhooks.poll-every}, and at once when
 * nudged): it claims due deliveries with {@code for update skip locked} and a lease, so each goes
 * out from one instance only, POSTs them signed, logs the attempt, and either marks them DELIVERED,
 * schedules the retry (backoff with jitter) or, out of attempts, FAILED, counting towards
 * disabling the subscription.
 */
@Component
class WebhookWorker {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    /** Rounds of claiming one run takes at most; the rest waits for the next poll. */
    private static final int MAX_ROUNDS = 20;

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final WebhookSender sender;
    private final WebhookProperties settings;
    private final PhoneCipher cipher;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter disabled;
    private final Timer latency;
    private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();
    private Disposable polling;

    WebhookWorker(DeliveryRepository deliveries, SubscriptionRepository subscriptions, WebhookSender sender,
                  WebhookProperties settings, PhoneCipher cipher, TransactionalOperator tx, Clock clock,
                  MeterRegistry meters) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.settings = settings;
        this.cipher = cipher;
        this.tx = tx;
        this.clock = clock;
        this.delivered = Counter.builder("loyalty.webhooks.delivered").description("webhook deliveries that went through")
                .register(meters);
        this.failedAttempts = Counter.builder("loyalty.webhooks.failed.attempts")
                .description("webhook attempts that failed (each retry counts)").register(meters);
        this.disabled = Counter.builder("loyalty.webhooks.disabled")
                .description("webhook subscriptions disabled after repeated failure").register(meters);
        this.latency = Timer.builder("loyalty.webhooks.attempt").description("how long a webhook attempt took")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (settings.pollEvery().isZero() || settings.pollEvery().isNegative()) {
            return;
        }
        polling = poll(settings.pollEvery());
    }

    /** Delivers what is due every {@code every} and whenever nudged, one run at a time, until disposed. */
    Disposable poll(Duration every) {
        return Flux.merge(Flux.interval(every).map(tick -> true), nudges.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> deliverDue().onErrorResume(e -> {
                    log.warn("webhook delivery run failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (polling != null) {
            polling.dispose();
        }
    }

    /** Asks the worker to look now (after a replay or a test send) rather than at the next poll. */
    void nudge() {
        nudges.tryEmitNext(true);
    }

    /** Delivers what is due now, round after round; how many attempts were made. */
    Mono<Integer> deliverDue() {
        return round(0, 1);
    }

    private Mono<Integer> round(int attemptsSoFar, int round) {
        Instant now = clock.instant();
        return deliveries.claimDue(now, now.plus(settings.lease()), settings.batchSize())
                .flatMap(this::attempt, settings.concurrency())
                .count()
                .flatMap(n -> n < settings.batchSize() || round >= MAX_ROUNDS
                        ? Mono.just(attemptsSoFar + n.intValue()) : round(attemptsSoFar + n.intValue(), round + 1));
    }

    /** Sends one claimed delivery and records the outcome in one transaction. */
    private Mono<Long> attempt(DeliveryRepository.Claimed claimed) {
        Instant at = clock.instant();
        return Mono.fromCallable(() -> secrets(claimed, at))
                .flatMap(secrets -> sender.send(claimed.url(), claimed.eventId(), claimed.eventType(), claimed.body(),
                        secrets))
                .flatMap(sent -> record(claimed, at, sent).as(tx::transactional))
                .onErrorResume(e -> {
                    // the lease runs out and another run tries again
                    log.warn("could not record webhook delivery {}: {}", claimed.deliveryId(), e.toString());
                    return Mono.empty();
                })
                .thenReturn(claimed.deliveryId());
    }

    private Mono<Void> record(DeliveryRepository.Claimed claimed, Instant at, WebhookSender.Sent sent) {
        latency.record(Duration.ofMillis(sent.durationMs()));
        Mono<Void> logged = deliveries.insertAttempt(claimed.deliveryId(), at, sent.durationMs(), sent.statusCode(),
                sent.error(), sent.snippet());
        if (sent.ok()) {
            delivered.increment();
            return logged.then(deliveries.settle(claimed.deliveryId(), WebhookDeliveryStatus.DELIVERED, null,
                            clock.instant(), sent.statusCode(), null))
                    .then(subscriptions.countSuccess(claimed.subscriptionId()));
        }
        failedAttempts.increment();
        if (claimed.tries() < settings.maxAttempts()) {
            Instant next = clock.instant().plus(backoff(claimed.tries()));
            return logged.then(deliveries.settle(claimed.deliveryId(), WebhookDeliveryStatus.PENDING, next, null,
                    sent.statusCode(), sent.error()));
        }
        String reason = "连续 " + settings.disableAfter() + " 条推送重试用尽仍失败，已自动停用（最后一次："
                + sent.error() + "）";
        return logged.then(deliveries.settle(claimed.deliveryId(), WebhookDeliveryStatus.FAILED, null, null,
                        sent.statusCode(), sent.error()))
                .then(subscriptions.countFailure(claimed.subscriptionId(), settings.disableAfter(), clock.instant(),
                        reason))
                .doOnNext(outcome -> {
                    if (outcome.disabledNow()) {
                        disabled.increment();
                        log.warn("webhook subscription {} of client {} disabled: {}", outcome.subscription().id(),
                                outcome.subscription().clientId(), reason);
                    }
                })
                .then();
    }

    /** The wait after the {@code tries}-th failed attempt, lengthened by up to the jitter at random. */
    Duration backoff(int tries) {
        Duration base = settings.retrySchedule().get(Math.min(tries, settings.retrySchedule().size()) - 1);
        double stretch = 1 + ThreadLocalRandom.current().nextDouble() * settings.jitter();
        return Duration.ofMillis((long) (base.toMillis() * stretch));
    }

    /** The secrets to sign with: the current one, and the previous one during its grace after a rotation. */
    private List<String> secrets(DeliveryRepository.Claimed claimed, Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(cipher.decrypt(claimed.secretCipher()));
        if (claimed.previousSecretCipher() != null && claimed.previousSecretUntil() != null
                && now.isBefore(claimed.previousSecretUntil())) {
            secrets.add(cipher.decrypt(claimed.previousSecretCipher()));
        }
        return secrets;
    }
}
