package com.loyalty.wallet.report;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The stored-value report for finance (managers, admins). */
@Controller
class WalletReportController {

    private final WalletReportService reports;

    WalletReportController(WalletReportService reports) {
        this.reports = reports;
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<WalletReport> walletReport(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return reports.report(viewer, range);
    }
}
