package com.loyalty.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gauge {@code loyalty.webhooks.backlog}: deliveries of active subscriptions waiting to go out
 * (due or retrying), counted every 30 seconds, as {@code loyalty.notifications.backlog} is.
 */
@Component
class WebhookBacklogGauge {

    private static final Logger log = LoggerFactory.getLogger(WebhookBacklogGauge.class);
    static final Duration EVERY = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final AtomicLong backlog = new AtomicLong();
    private Disposable counting;

    WebhookBacklogGauge(DeliveryRepository deliveries, MeterRegistry meters) {
        this.deliveries = deliveries;
        Gauge.builder("loyalty.webhooks.backlog", backlog, AtomicLong::get)
                .description("webhook deliveries waiting to go out").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        counting = Flux.interval(Duration.ZERO, EVERY)
                .onBackpressureDrop() // a slow database skips a count rather than ending the gauge
                .concatMap(tick -> refresh().onErrorResume(e -> {
                    log.warn("could not count the webhook backlog: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    /** Counts the backlog now. */
    Mono<Long> refresh() {
        return deliveries.backlog().doOnNext(backlog::set);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (counting != null) {
            counting.dispose();
        }
    }
}
