package com.loyalty.analytics.churn;

import java.time.LocalDate;
import java.util.List;

/**
 * The lifecycle funnel now (stages as last scored, {@code stagesAsOf}) and churn over the range,
 * in total and per period; {@code churnedDays} is the lifecycle rule's days without a purchase.
 */
public record ChurnReport(Long storeId, LocalDate from, LocalDate to, int churnedDays, LocalDate stagesAsOf,
                          List<ChurnStageCount> funnel, long unscored, ChurnPeriod total, List<ChurnPeriod> series) {
}
