package com.loyalty.wallet;

import com.loyalty.analytics.AnalyticsRange;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Stored-value card: packages, recharges, refunds of recharges and the report. */
@Controller
public class WalletController {

    private final RechargePackageService packages;
    private final TillRecharges tillRecharges;
    private final OnlineRecharges onlineRecharges;
    private final RechargeRefunds refunds;
    private final WalletReportService reports;

    public WalletController(RechargePackageService packages, TillRecharges tillRecharges,
                            OnlineRecharges onlineRecharges, RechargeRefunds refunds, WalletReportService reports) {
        this.packages = packages;
        this.tillRecharges = tillRecharges;
        this.onlineRecharges = onlineRecharges;
        this.refunds = refunds;
        this.reports = reports;
    }

    @PreAuthorize("isAuthenticated()")
    @QueryMapping
    public Mono<List<RechargePackage>> rechargePackages(@Argument Long storeId, @Argument Boolean includeInactive,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return packages.list(viewer, storeId, Boolean.TRUE.equals(includeInactive)).collectList();
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<RechargeOrder> walletRechargeOrder(@Argument String outTradeNo, @AuthenticationPrincipal Viewer viewer) {
        return onlineRecharges.order(viewer, outTradeNo);
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<WalletReport> walletReport(@Argument AnalyticsRange range, @AuthenticationPrincipal Viewer viewer) {
        return reports.report(viewer, range);
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<RechargePackagePayload> createRechargePackage(@Argument CreateRechargePackageInput input,
                                                              @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> packages.create(viewer, input)).map(RechargePackagePayload::of)
                .transform(Payloads.recover(RechargePackagePayload::failed));
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<RechargePackagePayload> setRechargePackageActive(@Argument SetRechargePackageActiveInput input,
                                                                 @AuthenticationPrincipal Viewer viewer) {
        return packages.setActive(viewer, input).map(RechargePackagePayload::of)
                .transform(Payloads.recover(RechargePackagePayload::failed));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<RechargePayload> rechargeAtTill(@Argument RechargeAtTillInput input,
                                                @AuthenticationPrincipal Viewer viewer) {
        return tillRecharges.recharge(viewer, input).transform(Payloads.recover(RechargePayload::failed));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<StartWalletRechargePayload> startWalletRecharge(@Argument StartWalletRechargeInput input,
                                                                @AuthenticationPrincipal Viewer viewer) {
        return onlineRecharges.start(viewer, input).transform(Payloads.recover(StartWalletRechargePayload::failed));
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<RechargePayload> refundRecharge(@Argument RefundRechargeInput input,
                                                @AuthenticationPrincipal Viewer viewer) {
        return refunds.refund(viewer, input).transform(Payloads.recover(RechargePayload::failed));
    }
}
