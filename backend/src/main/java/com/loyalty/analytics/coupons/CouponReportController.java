package com.loyalty.analytics.coupons;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Coupons and campaign returns, for managers, marketers and admins. */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class CouponReportController {

    private final CouponReportService coupons;

    CouponReportController(CouponReportService coupons) {
        this.coupons = coupons;
    }

    @QueryMapping
    public Mono<CouponReport> couponReport(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return coupons.report(viewer, range);
    }
}
