package com.loyalty.staff;

import com.loyalty.audit.AuditFilter;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Staff accounts: one's own, and an admin's management of them. */
@Controller
class StaffController {

    private final StaffService staff;
    private final StaffAdminService admin;

    StaffController(StaffService staff, StaffAdminService admin) {
        this.staff = staff;
        this.admin = admin;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Staff> currentStaff(@AuthenticationPrincipal Viewer viewer) {
        return staff.get(viewer.id());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<StaffAction>> staffActions(@Argument Long staffId, @Argument Long memberId,
                                                     @Argument String action, @Argument String subject,
                                                     @Argument Long subjectId, @Argument Long clientId,
                                                     @Argument Integer first, @Argument String after,
                                                     @AuthenticationPrincipal Viewer viewer) {
        return admin.actions(viewer, new AuditFilter(staffId, memberId, action, subject, subjectId, clientId), first,
                after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<Staff>> staffAccounts(@Argument StaffFilter filter, @Argument Integer first,
                                                 @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return admin.accounts(viewer, filter, first, after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<Staff> staffAccount(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return admin.account(viewer, id);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<StaffPayload> createStaff(@Argument CreateStaffInput input, @AuthenticationPrincipal Viewer viewer) {
        return admin.create(viewer, input).map(StaffPayload::of).transform(Payloads.recover(StaffPayload::failed));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<StaffPayload> setStaffEnabled(@Argument SetStaffEnabledInput input,
                                              @AuthenticationPrincipal Viewer viewer) {
        return admin.setEnabled(viewer, input).map(StaffPayload::of).transform(Payloads.recover(StaffPayload::failed));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<ResetStaffPasswordPayload> resetStaffPassword(@Argument ResetStaffPasswordInput input,
                                                              @AuthenticationPrincipal Viewer viewer) {
        return admin.resetPassword(viewer, input).map(ResetStaffPasswordPayload::of)
                .transform(Payloads.recover(ResetStaffPasswordPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<StaffPayload> moveStaff(@Argument MoveStaffInput input, @AuthenticationPrincipal Viewer viewer) {
        return admin.move(viewer, input).map(StaffPayload::of).transform(Payloads.recover(StaffPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<StaffPayload> updateStaff(@Argument UpdateStaffInput input, @AuthenticationPrincipal Viewer viewer) {
        return admin.update(viewer, input).map(StaffPayload::of).transform(Payloads.recover(StaffPayload::failed));
    }
}
