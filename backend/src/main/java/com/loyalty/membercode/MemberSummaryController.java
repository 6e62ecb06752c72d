package com.loyalty.membercode;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * An API client's look-up of a member (scope members:read). The summary is backed by the Member: its
 * tier, points, stored value and coupons are mapped by their own modules (typeName MemberSummary).
 */
@Controller
class MemberSummaryController {

    private final MemberSummaries summaries;
    private final MemberService members;

    MemberSummaryController(MemberSummaries summaries, MemberService members) {
        this.summaries = summaries;
        this.members = members;
    }

    @PreAuthorize("hasAuthority('SCOPE_members:read')")
    @QueryMapping
    public Mono<Member> memberSummary(@Argument String code, @Argument Long memberId,
                                      @AuthenticationPrincipal Viewer client) {
        return summaries.find(client, code, memberId);
    }

    /** Masked, as staff see it. */
    @SchemaMapping(typeName = "MemberSummary", field = "phone")
    public String phone(Member member) {
        return members.maskedPhone(member);
    }
}
