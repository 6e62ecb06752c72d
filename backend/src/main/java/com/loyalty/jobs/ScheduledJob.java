package com.loyalty.jobs;

import java.time.LocalDate;
import reactor.core.publisher.Mono;

/** A job the runner can run for a business date; running it twice for the same date changes nothing. */
public interface ScheduledJob {

    /** Which job this is. */
    JobName job();

    /** Does the work for the business date and says what it did, e.g. "queued 3 reminders". */
    Mono<String> run(LocalDate asOf);
}
