package com.loyalty.analytics.numbers;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.AnalyticsScopes;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Member growth, activity and sales over a range, for managers (own store) and admins (a store or the brand). */
@Controller
class NumbersController {

    private final AnalyticsScopes scopes;
    private final MemberGrowthService growth;
    private final MemberActivityService activity;
    private final SalesAnalyticsService sales;

    NumbersController(AnalyticsScopes scopes, MemberGrowthService growth, MemberActivityService activity,
                             SalesAnalyticsService sales) {
        this.scopes = scopes;
        this.growth = growth;
        this.activity = activity;
        this.sales = sales;
    }

    /** The viewer's scope; an admin's unknown store is a bad argument (queries have no userErrors). */
    private Mono<AnalyticsScope> scope(Viewer viewer, AnalyticsRange range) {
        return scopes.resolve(viewer, range.storeId())
                .onErrorMap(BusinessException.class, e -> new BadArgumentException(e.error().message()));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<MemberGrowth> memberGrowth(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return scope(viewer, range).flatMap(scope -> growth.growth(scope, range));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<MemberActivity> memberActivity(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return scope(viewer, range).flatMap(scope -> activity.activity(scope, range));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<SalesAnalytics> salesAnalytics(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return scope(viewer, range).flatMap(scope -> sales.sales(scope, range));
    }
}
