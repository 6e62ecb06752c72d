package com.loyalty.jobs;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
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
}
