package com.loyalty.analytics.ltv;

import com.loyalty.shared.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Lifetime values, for managers, marketers and admins. */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class LtvController {

    private final LtvService values;

    LtvController(LtvService values) {
        this.values = values;
    }

    @QueryMapping
    public Mono<MemberLifetimeValue> memberLifetimeValue(@Argument long memberId,
                                                         @AuthenticationPrincipal Viewer viewer) {
        return values.member(viewer, memberId);
    }

    @QueryMapping
    public Mono<List<MemberLifetimeValue>> topMembersByValue(@Argument Long storeId, @Argument Integer first,
                                                             @AuthenticationPrincipal Viewer viewer) {
        return values.top(viewer, storeId, first);
    }

    @QueryMapping
    public Mono<LtvBySegment> lifetimeValueBySegment(@Argument LtvGroupBy groupBy, @Argument Long storeId,
                                                     @AuthenticationPrincipal Viewer viewer) {
        return values.bySegment(viewer, groupBy, storeId);
    }
}
