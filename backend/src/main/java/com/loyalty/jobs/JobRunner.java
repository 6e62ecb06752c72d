package com.loyalty.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.redisson.api.RLockReactive;
import org.redisson.api.RedissonReactiveClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Runs a job for a business date at most once at a time across all backend instances (a Redis
 * lock), and records each run in job_run (through {@link JobRunRepository}). Jobs themselves are
 * idempotent per date.
 */
@Service
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final Duration LEASE = Duration.ofMinutes(30);

    private final Map<JobName, ScheduledJob> jobs = new EnumMap<>(JobName.class);
    private final RedissonReactiveClient redis;
    private final JobRunRepository runs;
    private final Clock clock;
    private final MeterRegistry meters;

    public JobRunner(List<ScheduledJob> jobs, RedissonReactiveClient redis, JobRunRepository runs, Clock clock,
                     MeterRegistry meters) {
        this.meters = meters;
        jobs.forEach(job -> this.jobs.put(job.job(), job));
        this.redis = redis;
        this.runs = runs;
        this.clock = clock;
    }

    /** The run's summary, or a note that another instance is running the job right now. */
    public Mono<String> run(JobName job, LocalDate asOf) {
        return run(job, asOf, false);
    }

    /**
     * A run the schedule starts on every instance: besides the lock, a job that runs once per date
     * is skipped when any instance already finished it for that date.
     */
    public Mono<String> runScheduled(JobName job, LocalDate asOf) {
        return run(job, asOf, job.oncePerDate());
    }

    private Mono<String> run(JobName job, LocalDate asOf, boolean oncePerDate) {
        RLockReactive lock = redis.getLock("jobs:lock:" + job);
        long owner = ThreadLocalRandom.current().nextLong();
        return lock.tryLock(0, LEASE.toMillis(), TimeUnit.MILLISECONDS, owner).flatMap(acquired -> {
            if (!acquired) {
                count(job, "skipped");
                return Mono.just("skipped: " + job + " is running on another instance");
            }
            Mono<Boolean> done = oncePerDate ? runs.finishedFor(job, asOf) : Mono.just(false);
            // the lock is released before the answer goes out, so the next run finds it free
            return Mono.usingWhen(Mono.just(owner),
                    held -> done.flatMap(already -> already ? skippedAsDone(job, asOf) : execute(job, asOf)),
                    lock::unlock, (held, e) -> lock.unlock(held), lock::unlock);
        });
    }

    /** Counts a run in {@code loyalty.jobs.runs{job, outcome}} (Prometheus: loyalty_jobs_runs_total). */
    private void count(JobName job, String outcome) {
        meters.counter("loyalty.jobs.runs", "job", job.name(), "outcome", outcome).increment();
    }

    private Mono<String> skippedAsDone(JobName job, LocalDate asOf) {
        count(job, "skipped");
        return Mono.just("skipped: " + job + " already ran for " + asOf);
    }

    /** Runs the job, recorded in job_run, timed and counted. */
    private Mono<String> execute(JobName job, LocalDate asOf) {
        ScheduledJob scheduled = jobs.get(job);
        if (scheduled == null) {
            return Mono.just("no such job on this instance: " + job);
        }
        Timer.Sample timing = Timer.start(meters);
        return runs.start(job, asOf, clock.instant())
                .flatMap(runId -> scheduled.run(asOf)
                        .flatMap(summary -> runs.finish(runId, clock.instant(), summary).thenReturn(summary))
                        .onErrorResume(e -> runs.fail(runId, failure(e)).then(Mono.error(e))))
                .doOnNext(summary -> log.info("Job {} for {}: {}", job, asOf, summary))
                .doOnSuccess(summary -> {
                    timing.stop(meters.timer("loyalty.jobs.duration", "job", job.name()));
                    count(job, "done");
                })
                .doOnError(e -> count(job, "failed"));
    }

    /** What a failed run records: the error, in at most 500 characters. */
    private static String failure(Throwable e) {
        String text = "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
