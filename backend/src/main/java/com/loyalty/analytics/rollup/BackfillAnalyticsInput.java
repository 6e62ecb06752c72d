package com.loyalty.analytics.rollup;

import java.time.LocalDate;

/** GraphQL input of {@code backfillAnalytics}. */
public record BackfillAnalyticsInput(LocalDate from, LocalDate to) {
}
