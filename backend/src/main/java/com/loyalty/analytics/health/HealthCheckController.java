package com.loyalty.analytics.health;

import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The monthly member health check, for managers, marketers and admins. */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class HealthCheckController {

    private final HealthCheckService health;

    HealthCheckController(HealthCheckService health) {
        this.health = health;
    }

    @QueryMapping
    public Mono<MemberHealth> memberHealth(@Argument String month, @Argument Long storeId,
                                           @AuthenticationPrincipal Viewer viewer) {
        return health.check(viewer, month, storeId);
    }
}
