package com.loyalty.jobs;

import java.time.Instant;
import java.time.LocalDate;

/** One recorded run of a job for a business date, as an admin reads it (jobRuns). */
public record JobRun(long id, JobName job, LocalDate asOf, Instant startedAt, Instant finishedAt, String summary) {

    /** How a run ended, from what job_run holds. */
    public enum Outcome { DONE, FAILED, UNFINISHED }

    /** DONE once finished; FAILED when it recorded an error without finishing; UNFINISHED otherwise. */
    public Outcome outcome() {
        if (finishedAt != null) {
            return Outcome.DONE;
        }
        return summary != null ? Outcome.FAILED : Outcome.UNFINISHED;
    }
}
