package com.loyalty.wallet.packages;

import com.loyalty.shared.graphql.Pages;
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

/** Recharge packages: the ones on sale (everyone signed in), the console's list and detail, and changes (admins). */
@Controller
class RechargePackageController {

    private final RechargePackageService packages;

    RechargePackageController(RechargePackageService packages) {
        this.packages = packages;
    }

    @PreAuthorize("isAuthenticated() and !hasRole('CLIENT')")
    @QueryMapping
    public Mono<List<RechargePackage>> rechargePackages(@Argument Long storeId, @Argument Boolean includeInactive,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return packages.list(viewer, storeId, Boolean.TRUE.equals(includeInactive)).collectList();
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<RechargePackage>> rechargePackagesPage(@Argument RechargePackageFilter filter,
                                                                 @Argument Integer first, @Argument String after,
                                                                 @AuthenticationPrincipal Viewer viewer) {
        return packages.page(viewer, filter, first, after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<RechargePackage> rechargePackage(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return packages.find(viewer, id);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<RechargePackagePayload> updateRechargePackage(@Argument UpdateRechargePackageInput input,
                                                              @AuthenticationPrincipal Viewer viewer) {
        return packages.update(viewer, input).map(RechargePackagePayload::of)
                .transform(Payloads.recover(RechargePackagePayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<RechargePackagePayload> createRechargePackage(@Argument CreateRechargePackageInput input,
                                                              @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> packages.create(viewer, input)).map(RechargePackagePayload::of)
                .transform(Payloads.recover(RechargePackagePayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<RechargePackagePayload> setRechargePackageActive(@Argument SetRechargePackageActiveInput input,
                                                                 @AuthenticationPrincipal Viewer viewer) {
        return packages.setActive(viewer, input).map(RechargePackagePayload::of)
                .transform(Payloads.recover(RechargePackagePayload::failed));
    }
}
