package com.loyalty.analytics;

import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Numbers for managers and admins. */
@Controller
public class AnalyticsController {

    private final TodayNumbersService today;

    public AnalyticsController(TodayNumbersService today) {
        this.today = today;
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<TodayNumbers> todayNumbers(@Argument Long storeId, @AuthenticationPrincipal Viewer viewer) {
        return today.today(viewer, storeId);
    }
}
