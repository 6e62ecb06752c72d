package com.loyalty.analytics.export;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import reactor.core.publisher.Mono;

/**
 * One exportable report: a Spring bean the exporter finds by its kind. Adding a report is one
 * class implementing this plus one {@link ReportKind} value (Java and schema/analytics-export.graphqls).
 * The scope is already checked: build only reads the numbers it allows.
 */
public interface CsvReport {

    /** Which report this bean builds; one bean per kind. */
    ReportKind kind();

    /** The table for the scope (a store or the whole brand) over the range. */
    Mono<CsvTable> build(AnalyticsScope scope, AnalyticsRange range);
}
