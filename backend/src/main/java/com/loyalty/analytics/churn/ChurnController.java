package com.loyalty.analytics.churn;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Churn and the lifecycle funnel, for managers, marketers and admins. */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class ChurnController {

    private final ChurnService churn;

    ChurnController(ChurnService churn) {
        this.churn = churn;
    }

    @QueryMapping
    public Mono<ChurnReport> churnReport(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return churn.report(viewer, range);
    }
}
