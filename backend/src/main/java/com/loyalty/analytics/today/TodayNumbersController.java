package com.loyalty.analytics.today;

import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Today's key numbers for managers and admins. */
@Controller
class TodayNumbersController {

    private final TodayNumbersService today;

    TodayNumbersController(TodayNumbersService today) {
        this.today = today;
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<TodayNumbers> todayNumbers(@Argument Long storeId, @AuthenticationPrincipal Viewer viewer) {
        return today.today(viewer, storeId);
    }
}
