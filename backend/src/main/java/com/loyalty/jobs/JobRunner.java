package com.loyalty.jobs;

import com.loyalty.coupon.CouponReminderJob;
import com.loyalty.points.PointsExpiryJob;
import com.loyalty.tier.TierReviewJob;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLockReactive;
import org.redisson.api.RedissonReactiveClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Runs a job for a business date at most once at a time across all backend instances (a Redis
 * lock), and records each run in job_run. Jobs themselves are idempotent per date.
 */
@Service
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final PointsExpiryJob pointsExpiry;
    private final TierReviewJob tierReview;
    private final CouponReminderJob couponReminders;
    private final RedissonReactiveClient redis;
    private final DatabaseClient db;
    private final Clock clock;

    public JobRunner(PointsExpiryJob pointsExpiry, TierReviewJob tierReview, CouponReminderJob couponReminders,
                     RedissonReactiveClient redis, DatabaseClient db, Clock clock) {
        this.pointsExpiry = pointsExpiry;
        this.tierReview = tierReview;
        this.couponReminders = couponReminders;
        this.redis = redis;
        this.db = db;
        this.clock = clock;
    }

    /** The run's summary, or a note that another instance is running the job right now. */
    public Mono<String> run(JobName job, LocalDate asOf) {
        RLockReactive lock = redis.getLock("jobs:lock:" + job);
        long owner = ThreadLocalRandom.current().nextLong();
        return lock.tryLock(0, LEASE.toMillis(), TimeUnit.MILLISECONDS, owner).flatMap(acquired -> {
            if (!acquired) {
                return Mono.just("skipped: " + job + " is running on another instance");
            }
            return start(job, asOf)
                    .flatMap(runId -> execute(job, asOf).flatMap(summary -> finish(runId, summary)))
                    .doOnNext(summary -> log.info("Job {} for {}: {}", job, asOf, summary))
                    .doFinally(signal -> lock.unlock(owner).subscribe());
        });
    }

    private Mono<String> execute(JobName job, LocalDate asOf) {
        return switch (job) {
            case POINTS_EXPIRY -> pointsExpiry.run(asOf).map(r -> "expired " + r.bucketsExpired() + " buckets ("
                    + r.pointsExpired() + " points), queued " + r.remindersQueued() + " reminders");
            case TIER_REVIEW -> tierReview.run(asOf).map(n -> "reviewed " + n + " members for " + YearMonth.from(asOf));
            case COUPON_REMINDERS -> couponReminders.run(asOf).map(n -> "queued " + n + " coupon reminders");
        };
    }

    private Mono<Long> start(JobName job, LocalDate asOf) {
        return db.sql("insert into job_run (job, as_of, started_at) values (:job, :asOf, :at) returning id")
                .bind("job", job.name()).bind("asOf", asOf).bind("at", clock.instant())
                .map(row -> row.get("id", Long.class)).one();
    }

    private Mono<String> finish(long runId, String summary) {
        return db.sql("update job_run set finished_at = :at, summary = :summary where id = :id")
                .bind("id", runId).bind("at", clock.instant()).bind("summary", summary)
                .then().thenReturn(summary);
    }
}
