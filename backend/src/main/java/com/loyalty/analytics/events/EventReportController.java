package com.loyalty.analytics.events;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The member events report, for store managers (their store), marketers and admins. */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class EventReportController {

    private final EventReportService reports;

    EventReportController(EventReportService reports) {
        this.reports = reports;
    }

    @QueryMapping
    public Mono<EventReport> eventReport(@Argument AnalyticsRange range, @Argument Integer first,
                                         @AuthenticationPrincipal Viewer viewer) {
        return reports.report(viewer, range, first);
    }
}
