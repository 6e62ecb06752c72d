package com.loyalty.jobs;

import java.time.LocalDate;

/** GraphQL input of {@code runJob}. */
public record RunJobInput(JobName job, LocalDate asOf) {
}
