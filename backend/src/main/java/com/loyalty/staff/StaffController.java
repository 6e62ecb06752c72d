package com.loyalty.staff;

import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The signed-in staff member's own account. */
@Controller
public class StaffController {

    private final StaffService staff;

    public StaffController(StaffService staff) {
        this.staff = staff;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<Staff> currentStaff(@AuthenticationPrincipal Viewer viewer) {
        return staff.get(viewer.id());
    }
}
