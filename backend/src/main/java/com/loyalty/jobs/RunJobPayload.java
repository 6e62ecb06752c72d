package com.loyalty.jobs;

import com.loyalty.shared.graphql.UserError;
import java.time.LocalDate;
import java.util.List;

/** Result of {@code runJob}. */
public record RunJobPayload(JobName job, LocalDate asOf, String summary, List<UserError> userErrors) {
}
