package com.loyalty.auth;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.ChangeMyPasswordInput;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** A signed-in staff member's own password. */
@Controller
class PasswordController {

    private final PasswordService passwords;

    PasswordController(PasswordService passwords) {
        this.passwords = passwords;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<ChangeMyPasswordPayload> changeMyPassword(@Argument ChangeMyPasswordInput input,
                                                          @AuthenticationPrincipal Viewer viewer) {
        return passwords.change(viewer, input).transform(Payloads.recover(ChangeMyPasswordPayload::failed));
    }
}
