package com.loyalty.analytics.events;

import java.time.Instant;

/** One event of the report: what it is, where and when, its status now, and its numbers. */
public record EventReportRow(long eventId, String title, long storeId, String storeName, Instant startsAt,
                             Instant endsAt, String status, EventNumbers numbers) {
}
