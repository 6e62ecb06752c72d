package com.loyalty.analytics.tiers;

import java.time.LocalDate;
import java.util.List;

/** Members per tier at the end of one period, replayed from registrations and recorded tier changes. */
public record TierReportPeriod(LocalDate start, LocalDate end, List<TierReportCount> tiers) {
}
