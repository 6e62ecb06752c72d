package com.loyalty.analytics.events;

import java.util.List;

/**
 * Member events that start in a range, of a store or the whole brand: the number of them, the total
 * of their numbers, and the first of them (newest start first) each with its own.
 */
public record EventReport(Long storeId, int eventCount, int purchaseWindowDays, EventNumbers total,
                          List<EventReportRow> events) {
}
