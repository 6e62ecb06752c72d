package com.loyalty.analytics.export;

import com.loyalty.analytics.AnalyticsRange;

/** GraphQL input of {@code exportReport}. */
public record ExportReportInput(ReportKind report, AnalyticsRange range) {
}
