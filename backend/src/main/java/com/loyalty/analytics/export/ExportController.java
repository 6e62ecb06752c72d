package com.loyalty.analytics.export;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** CSV exports of the analytics for managers and admins. */
@Controller
class ExportController {

    private final ReportExporter exporter;

    ExportController(ReportExporter exporter) {
        this.exporter = exporter;
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<ExportReportPayload> exportReport(@Argument ExportReportInput input,
                                                  @AuthenticationPrincipal Viewer viewer) {
        return exporter.export(viewer, input).transform(Payloads.recover(ExportReportPayload::failed));
    }
}
