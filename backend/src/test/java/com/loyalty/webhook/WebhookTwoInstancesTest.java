package com.loyalty.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.loyalty.support.SecondInstance;
import com.loyalty.support.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two backends on one database deliver the same outbox at once, each claiming with row locks
 * skipped: every event reaches the receiver exactly once, and the delivery log agrees.
 */
class WebhookTwoInstancesTest extends WebhookTestSupport {

    private static final Logger log = LoggerFactory.getLogger(WebhookTwoInstancesTest.class);
    private static final int EVENTS = 400;

    @Autowired
    WebhookOutbox outbox;

    @Test
    void manyEventsDeliveredByTwoInstancesAtOnceArriveExactlyOnceEach() {
        WebhookWorker other = SecondInstance.bean(WebhookWorker.class);
        try (WebhookReceiver receiver = WebhookReceiver.up().slow(Duration.ofMillis(5))) {
            Subscribed sub = subscribe(apiClient("twice"), receiver.url(), "PURCHASE_RECORDED");
            long subscriptionId = Long.parseLong(sub.id());
            for (int i = 0; i < EVENTS; i++) {
                outbox.write(1, WebhookEventType.WEBHOOK_TEST, null, WebhookOutbox.data("n", i),
                        List.of(subscriptionId)).block();
            }

            long started = System.nanoTime();
            List<Integer> attempts = inParallel(8, i -> {
                WebhookWorker worker = i % 2 == 0 ? this.worker : other;
                int made = 0;
                for (int round = 0; round < 20 && pending(subscriptionId) > 0; round++) {
                    made += worker.deliverDue().block(PATIENCE);
                }
                return made;
            });
            double seconds = (System.nanoTime() - started) / 1e9;

            Map<String, Long> perEvent = receiver.received().stream()
                    .collect(Collectors.groupingBy(r -> r.header("Loyalty-Event-Id"), Collectors.counting()));
            assertThat(perEvent).hasSize(EVENTS);
            assertThat(perEvent.values()).containsOnly(1L);
            assertThat(attempts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(EVENTS);
            assertThat(attempts.subList(0, 4).stream().mapToInt(Integer::intValue).sum())
                    .as("this instance delivered some").isPositive();
            assertThat(attempts.subList(4, 8).stream().mapToInt(Integer::intValue).sum() + attempts.get(1)
                    + attempts.get(3) + attempts.get(5) + attempts.get(7)).as("the other instance delivered some")
                    .isPositive();
            assertThat(db.sql("""
                            select count(*) filter (where status = 'DELIVERED' and attempts = 1) as once,
                                   (select count(*) from webhook_attempt a join webhook_delivery d2 on d2.id = a.delivery_id
                                    where d2.subscription_id = :s) as logged
                            from webhook_delivery where subscription_id = :s
                            """).bind("s", subscriptionId)
                    .map(row -> Map.of("once", row.get("once", Long.class), "logged", row.get("logged", Long.class)))
                    .one().block()).containsEntry("once", (long) EVENTS).containsEntry("logged", (long) EVENTS);
            log.info("two instances delivered {} webhooks in {} s ({} per second)", EVENTS,
                    String.format("%.2f", seconds), String.format("%.0f", EVENTS / seconds));
        }
    }

    private long pending(long subscriptionId) {
        return db.sql("select count(*) as n from webhook_delivery where subscription_id = :s and status = 'PENDING'")
                .bind("s", subscriptionId).map(row -> row.get("n", Long.class)).one().block();
    }
}
