package com.loyalty.jobs;

import io.r2dbc.spi.Row;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Records job runs in job_run: when each started and finished for a business date, and its summary. */
@Repository
class JobRunRepository {

    private final DatabaseClient db;

    JobRunRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Whether a run of the job for the date has finished (on any instance). */
    public Mono<Boolean> finishedFor(JobName job, LocalDate asOf) {
        return db.sql("select exists (select 1 from job_run where job = :job and as_of = :asOf"
                        + " and finished_at is not null) as done")
                .bind("job", job.name()).bind("asOf", asOf)
                .map(row -> Boolean.TRUE.equals(row.get("done", Boolean.class))).one();
    }

    /** Records a run as started; returns its id. */
    public Mono<Long> start(JobName job, LocalDate asOf, Instant at) {
        return db.sql("insert into job_run (job, as_of, started_at) values (:job, :asOf, :at) returning id")
                .bind("job", job.name()).bind("asOf", asOf).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Records the run as finished with its summary. */
    public Mono<Void> finish(long runId, Instant at, String summary) {
        return db.sql("update job_run set finished_at = :at, summary = :summary where id = :id")
                .bind("id", runId).bind("at", at).bind("summary", summary)
                .then();
    }

    /**
     * Records that the run failed: the error goes into the summary, finished_at stays empty, so a
     * scheduled run for the date still runs it again.
     */
    public Mono<Void> fail(long runId, String error) {
        return db.sql("update job_run set summary = :summary where id = :id and finished_at is null")
                .bind("id", runId).bind("summary", error)
                .then();
    }

    /** Up to {@code limit} runs (of the job, when given) older than the run {@code beforeId} (when given), newest first. */
    public Flux<JobRun> page(JobName job, Long beforeId, int limit) {
        return db.sql("""
                        select id, job, as_of, started_at, finished_at, summary from job_run
                        where (cast(:job as text) is null or job = :job)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .bind("job", Parameter.fromOrEmpty(job == null ? null : job.name(), String.class))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class))
                .bind("limit", limit)
                .map((row, meta) -> run(row)).all();
    }

    /** How many runs there are (of the job, when given). */
    public Mono<Long> count(JobName job) {
        return db.sql("select count(*) as n from job_run where cast(:job as text) is null or job = :job")
                .bind("job", Parameter.fromOrEmpty(job == null ? null : job.name(), String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    private static JobRun run(Row row) {
        return new JobRun(row.get("id", Long.class), JobName.valueOf(row.get("job", String.class)),
                row.get("as_of", LocalDate.class), row.get("started_at", Instant.class),
                row.get("finished_at", Instant.class), row.get("summary", String.class));
    }
}
