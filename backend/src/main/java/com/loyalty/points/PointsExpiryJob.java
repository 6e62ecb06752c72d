package com.loyalty.points;

import com.loyalty.jobs.JobName;
import com.loyalty.jobs.ScheduledJob;
import com.loyalty.notify.NotificationOutbox;
import com.loyalty.shared.config.BrandProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * For a business date: expires every bucket whose validity ended before that day began (one
 * EXPIRE entry per bucket), and queues one reminder per member and expiry time for points
 * expiring within the reminder window. Running it again for the same date changes nothing.
 */
@Component
public class PointsExpiryJob implements ScheduledJob {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PointsLedgerRepository ledger;
    private final PointsService points;
    private final PointsProperties rules;
    private final NotificationOutbox outbox;
    private final BrandProperties brand;
    private final Clock clock;
    private final TransactionalOperator tx;

    public PointsExpiryJob(PointsLedgerRepository ledger, PointsService points, PointsProperties rules,
                           NotificationOutbox outbox, BrandProperties brand, Clock clock,
                           TransactionalOperator tx) {
        this.ledger = ledger;
        this.points = points;
        this.rules = rules;
        this.outbox = outbox;
        this.brand = brand;
        this.clock = clock;
        this.tx = tx;
    }

    /** What a run expired: the buckets that still had points, and those points. */
    private record Expired(long buckets, long points) {

        static final Expired NONE = new Expired(0, 0);

        Expired plus(long expired) {
            return new Expired(buckets + (expired > 0 ? 1 : 0), points + expired);
        }
    }

    /** The payload of a points expiry reminder. */
    record ExpiryReminder(long points, String expiresOn) {
    }

    @Override
    public JobName job() {
        return JobName.POINTS_EXPIRY;
    }

    @Override
    public Mono<String> run(LocalDate asOf) {
        Instant dayStart = asOf.atStartOfDay(brand.zone()).toInstant();
        return ledger.dueGrants(dayStart)
                .concatMap(grant -> expire(grant).as(tx::transactional))
                .reduce(Expired.NONE, Expired::plus)
                .zipWith(remind(dayStart), (expired, reminders) -> "expired " + expired.buckets() + " buckets ("
                        + expired.points() + " points), queued " + reminders + " reminders");
    }

    private Mono<Long> expire(PointsLedgerRepository.DueGrant grant) {
        return points.lock(grant.memberId())
                .then(ledger.remaining(grant.grantId()))
                .filter(left -> left > 0)
                .flatMap(left -> {
                    NewEntry entry = new NewEntry(grant.brandId(), grant.memberId(), EntryKind.EXPIRE, null, null, null,
                            null, null, "expire:" + grant.grantId(), clock.instant());
                    return points.expire(entry, grant.grantId(), left).thenReturn(left);
                })
                .defaultIfEmpty(0L);
    }

    private Mono<Long> remind(Instant dayStart) {
        Instant until = dayStart.plus(java.time.Duration.ofDays(rules.reminderDays()));
        return ledger.expiringBetween(dayStart, until)
                .concatMap(due -> {
                    String day = DAY.format(due.expiresAt().atZone(brand.zone()));
                    return outbox.enqueue(due.memberId(), "POINTS_EXPIRING",
                            "points-expiring:" + due.memberId() + ":" + day,
                            new ExpiryReminder(due.remaining(), day), dayStart);
                })
                .filter(Boolean::booleanValue)
                .count();
    }
}
