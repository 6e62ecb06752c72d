package com.loyalty.analytics.points;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The points economy, for managers, marketers and admins. */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class PointsEconomyController {

    private final PointsEconomyService points;

    PointsEconomyController(PointsEconomyService points) {
        this.points = points;
    }

    @QueryMapping
    public Mono<PointsEconomy> pointsEconomy(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return points.report(viewer, range);
    }
}
