package com.loyalty.notify;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends the notifications that are due now (the business date is not used), batch by batch.
 * During quiet hours it sends nothing and moves due messages to the end of the quiet hours.
 * A message is taken by one run only (row locks skipped, then a lease), so none goes out twice.
 */
@Component
class SendNotificationsJob implements ScheduledJob {

    /** Batches one run takes at most; the rest waits for the next minute. */
    private static final int MAX_BATCHES = 50;

    private final OutboxRepository outbox;
    private final NotificationSender sender;
    private final NotifyProperties settings;
    private final BrandProperties brand;
    private final Clock clock;

    SendNotificationsJob(OutboxRepository outbox, NotificationSender sender, NotifyProperties settings,
                                BrandProperties brand, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.brand = brand;
        this.clock = clock;
    }

    @Override
    public JobName job() {
        return JobName.SEND_NOTIFICATIONS;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        Tally tally = new Tally();
        return round(tally, 1).map(Tally::summary);
    }

    private Mono<Tally> round(Tally tally, int batch) {
        Instant now = clock.instant();
        NotifyProperties.QuietHours quiet = settings.quietHours();
        if (quiet.contains(now, brand.zone())) {
            return outbox.hold(now, quiet.endAfter(now, brand.zone())).map(held -> tally.hold(held));
        }
        return outbox.takeDue(now, now.plus(settings.lease()), settings.batchSize())
                .concatMap(sender::deliver)
                .collectList()
                .flatMap(outcomes -> {
                    tally.add(outcomes);
                    return outcomes.size() < settings.batchSize() || batch >= MAX_BATCHES
                            ? Mono.just(tally) : round(tally, batch + 1);
                });
    }

    /** Counts of one run. */
    private static final class Tally {

        private final Map<NotificationSender.Outcome, Long> counts = new EnumMap<>(NotificationSender.Outcome.class);
        private long held;

        void add(List<NotificationSender.Outcome> outcomes) {
            outcomes.forEach(outcome -> counts.merge(outcome, 1L, Long::sum));
        }

        Tally hold(long messages) {
            held += messages;
            return this;
        }

        String summary() {
            return "sent " + count(NotificationSender.Outcome.SENT)
                    + ", skipped " + count(NotificationSender.Outcome.SKIPPED)
                    + ", retrying " + count(NotificationSender.Outcome.RETRYING)
                    + ", failed " + count(NotificationSender.Outcome.FAILED)
                    + ", held " + held + " for quiet hours";
        }

        private long count(NotificationSender.Outcome outcome) {
            return counts.getOrDefault(outcome, 0L);
        }
    }
}
