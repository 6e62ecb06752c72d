package com.loyalty.analytics.export;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Exports a report as CSV: checks who may read which numbers, finds the report's bean, writes the file. */
@Service
class ReportExporter {

    private final Map<ReportKind, CsvReport> reports = new EnumMap<>(ReportKind.class);
    private final AnalyticsScopes scopes;

    public ReportExporter(List<CsvReport> reports, AnalyticsScopes scopes) {
        for (CsvReport report : reports) {
            CsvReport before = this.reports.put(report.kind(), report);
            if (before != null) {
                throw new IllegalStateException("two reports of kind " + report.kind() + ": "
                        + before.getClass().getName() + " and " + report.getClass().getName());
            }
        }
        this.scopes = scopes;
    }

    /** The report for the viewer's scope: a manager their store, an admin a store or the brand. */
    public Mono<ExportReportPayload> export(Viewer staff, ExportReportInput input) {
        AnalyticsRange range = input.range();
        return scopes.resolve(staff, range.storeId()).flatMap(scope -> {
            CsvReport report = input.report() == null ? null : reports.get(input.report());
            if (report == null) {
                return Mono.error(BusinessException.invalid("report", "该报表暂未提供"));
            }
            return report.build(scope, range).map(table -> ExportReportPayload.of(
                    filename(report.kind(), scope, range), CsvWriter.write(table), table.rows().size()));
        });
    }

    /** E.g. {@code sales_2026-11-01_2026-11-30_store-3.csv}; {@code brand} for the whole brand. */
    static String filename(ReportKind kind, AnalyticsScope scope, AnalyticsRange range) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "_" + range.from() + "_" + range.to() + "_"
                + (scope.wholeBrand() ? "brand" : "store-" + scope.storeId()) + ".csv";
    }
}
