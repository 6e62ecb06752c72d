package com.loyalty.notify;

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
 * The gauge {@code loyalty.notifications.backlog}: messages waiting in the outbox, counted every
 * 30 seconds (a gauge is read synchronously, so it shows the last count, never queries on scrape).
 */
@Component
public class OutboxBacklogGauge {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklogGauge.class);
    static final Duration EVERY = Duration.ofSeconds(30);

    private final OutboxRepository outbox;
    private final AtomicLong backlog = new AtomicLong();
    private Disposable counting;

    public OutboxBacklogGauge(OutboxRepository outbox, MeterRegistry meters) {
        this.outbox = outbox;
        Gauge.builder("loyalty.notifications.backlog", backlog, AtomicLong::get)
                .description("notifications waiting in the outbox").register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        counting = Flux.interval(Duration.ZERO, EVERY)
                .onBackpressureDrop() // a slow database skips a count rather than ending the gauge
                .concatMap(tick -> refresh().onErrorResume(e -> {
                    log.warn("could not count the outbox backlog: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    /** Counts the backlog now. */
    public Mono<Long> refresh() {
        return outbox.backlog().doOnNext(backlog::set);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (counting != null) {
            counting.dispose();
        }
    }
}
