package com.loyalty.membercode;

import com.loyalty.live.LiveEvent;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The member's rotating code, and scanning it at the till. */
@Controller
class MemberCodeController {

    private final MemberCodeService memberCodes;

    MemberCodeController(MemberCodeService memberCodes) {
        this.memberCodes = memberCodes;
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<MemberCode> memberCode(@AuthenticationPrincipal Viewer viewer) {
        return memberCodes.issue(viewer);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<LiveEvent.CodeScan> memberCodeScan(@Argument String token, @AuthenticationPrincipal Viewer viewer) {
        return memberCodes.scanOf(viewer, token);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<ScanMemberCodePayload> scanMemberCode(@Argument ScanMemberCodeInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return memberCodes.scan(viewer, input.token())
                .transform(Payloads.recover(ScanMemberCodePayload::failed));
    }
}
