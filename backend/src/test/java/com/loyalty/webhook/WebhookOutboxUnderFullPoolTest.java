package com.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Changes publish their events inside their own transaction, each holding a pooled connection. When
 * every connection of the pool is held by such a change at the moment the outbox's knowledge of the
 * subscriptions is stale, no change may wait for a connection of its own to refresh it: that wait
 * never ended (the pool stayed full, every recordPurchase hung until its request timed out, and the
 * pool's connections stayed "idle in transaction" for good). A pool of 4 here, so that the suite's
 * shared context keeps its connections below what Postgres allows.
 */
@TestPropertySource(properties = {"spring.r2dbc.pool.max-size=4", "spring.r2dbc.pool.initial-size=1"})
class WebhookOutboxUnderFullPoolTest extends WebhookTestSupport {

    @Autowired
    WebhookOutbox outbox;
    @Autowired
    WantedEvents wanted;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    ConnectionFactory connections;

    @Test
    void changesHoldingEveryConnectionOfThePoolStillPublishTheirEvents() {
        int poolSize = ((ConnectionPool) connections).getMetrics().orElseThrow().getMaxAllocatedSize();
        Sinks.Empty<Void> allHoldAConnection = Sinks.empty();
        AtomicInteger holding = new AtomicInteger();
        wanted.invalidate(); // what a subscription change does; the next event finds the answer stale

        List<Long> published = Flux.range(0, poolSize)
                .flatMap(i -> db.sql("select " + i + " as n").map(row -> row.get("n", Long.class)).one()
                        // each change now holds a connection; they all wait until the pool is full
                        .flatMap(n -> {
                            if (holding.incrementAndGet() == poolSize) {
                                allHoldAConnection.tryEmitEmpty();
                            }
                            return allHoldAConnection.asMono().thenReturn(n);
                        })
                        .flatMap(n -> outbox.publish(1L, WebhookEventType.POINTS_CHANGED, null, Map.of("n", n))
                                .thenReturn(n))
                        .as(tx::transactional), poolSize)
                .collectList()
                .block(Duration.ofSeconds(20));

        assertThat(published).as("every change of a full pool committed").hasSize(poolSize);
    }
}
