package com.loyalty.analytics.today;

import java.time.LocalDate;

/** Today's key numbers of a store (or the brand when storeId is null) for the manager's page. */
public record TodayNumbers(LocalDate day, Long storeId, int newMembers, int orders, long salesCents, int buyers30d,
                           double repurchaseRate30d, long pointsLiability, long pointsLiabilityCents) {
}
