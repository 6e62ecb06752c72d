package com.loyalty.analytics.tiers;

import java.util.List;

/** Members per tier now and at the end of each period, and the tier moves of each month of the range. */
public record TierReport(Long storeId, List<TierReportCount> tiers, List<TierReportPeriod> series,
                         List<TierReportMonth> moves) {
}
