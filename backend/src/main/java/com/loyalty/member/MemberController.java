package com.loyalty.member;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The signed-in member's own card and profile. */
@Controller
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<Member> me(@AuthenticationPrincipal Viewer viewer) {
        return members.get(viewer.id());
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<MemberPayload> updateProfile(@Argument UpdateProfileInput input, @AuthenticationPrincipal Viewer viewer) {
        return members.updateProfile(viewer.id(), input).map(MemberPayload::of)
                .transform(Payloads.recover(MemberPayload::failed));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<MemberPayload> bindPhone(@Argument BindPhoneInput input, @AuthenticationPrincipal Viewer viewer) {
        return members.bindPhone(viewer.id(), input.code()).map(m -> MemberPayload.bound(m, viewer.id()))
                .transform(Payloads.recover(MemberPayload::failed));
    }

    /** Masked for everyone, the member included: the full number never leaves the server. */
    @SchemaMapping(typeName = "Member")
    public String phone(Member member) {
        return members.maskedPhone(member);
    }
}
