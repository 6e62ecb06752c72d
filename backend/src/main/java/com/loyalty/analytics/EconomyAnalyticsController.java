package com.loyalty.analytics;

import com.loyalty.analytics.churn.ChurnReport;
import com.loyalty.analytics.churn.ChurnService;
import com.loyalty.analytics.coupons.CouponReport;
import com.loyalty.analytics.coupons.CouponReportService;
import com.loyalty.analytics.health.HealthCheckService;
import com.loyalty.analytics.health.MemberHealth;
import com.loyalty.analytics.ltv.LtvBySegment;
import com.loyalty.analytics.ltv.LtvGroupBy;
import com.loyalty.analytics.ltv.LtvService;
import com.loyalty.analytics.ltv.MemberLifetimeValue;
import com.loyalty.analytics.points.PointsEconomy;
import com.loyalty.analytics.points.PointsEconomyService;
import com.loyalty.analytics.tiers.TierReport;
import com.loyalty.analytics.tiers.TierReportService;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Churn, tiers, points, coupons and campaigns, lifetime value and member health, for managers and admins. */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'MARKETER', 'ADMIN')")
public class EconomyAnalyticsController {

    private final ChurnService churn;
    private final TierReportService tiers;
    private final PointsEconomyService points;
    private final CouponReportService coupons;
    private final LtvService values;
    private final HealthCheckService health;

    public EconomyAnalyticsController(ChurnService churn, TierReportService tiers, PointsEconomyService points,
                                      CouponReportService coupons, LtvService values, HealthCheckService health) {
        this.churn = churn;
        this.tiers = tiers;
        this.points = points;
        this.coupons = coupons;
        this.values = values;
        this.health = health;
    }

    @QueryMapping
    public Mono<ChurnReport> churnReport(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return churn.report(viewer, range);
    }

    @QueryMapping
    public Mono<TierReport> tierReport(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return tiers.report(viewer, range);
    }

    @QueryMapping
    public Mono<PointsEconomy> pointsEconomy(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return points.report(viewer, range);
    }

    @QueryMapping
    public Mono<CouponReport> couponReport(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return coupons.report(viewer, range);
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

    @QueryMapping
    public Mono<MemberHealth> memberHealth(@Argument String month, @Argument Long storeId,
                                           @AuthenticationPrincipal Viewer viewer) {
        return health.check(viewer, month, storeId);
    }
}
