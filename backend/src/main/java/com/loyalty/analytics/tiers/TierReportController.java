package com.loyalty.analytics.tiers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The tier report, for managers, marketers and admins. */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class TierReportController {

    private final TierReportService tiers;

    TierReportController(TierReportService tiers) {
        this.tiers = tiers;
    }

    @QueryMapping
    public Mono<TierReport> tierReport(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return tiers.report(viewer, range);
    }
}
