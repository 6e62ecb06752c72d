package com.loyalty.referral;

import com.loyalty.programme.ProgramRulesService;
import com.loyalty.programme.ReferralRules;
import com.loyalty.member.Member;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ClientAddress;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.wechat.MiniProgramCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** A member's invitations and their rewards (seen only by that member), and share records. */
@Controller
class ReferralController {

    private static final String CURSOR_KIND = "invitee";

    private final ReferralRepository referrals;
    private final ProgramRulesService rules;
    private final InviteCards cards;
    private final Clock clock;

    ReferralController(ReferralRepository referrals, ProgramRulesService rules, InviteCards cards, Clock clock) {
        this.referrals = referrals;
        this.rules = rules;
        this.cards = cards;
        this.clock = clock;
    }

    @QueryMapping
    public Mono<InviteWelcome> inviteWelcome(@Argument String inviterCode,
                                             @ContextValue(name = ClientAddress.KEY, required = false) String clientAddress) {
        return cards.welcome(inviterCode, clientAddress);
    }

    @SchemaMapping(typeName = "Member")
    public Mono<MiniProgramCode> inviteMiniProgramCode(Member member, @AuthenticationPrincipal Viewer viewer) {
        requireSelf(member, viewer);
        return cards.codeOf(member);
    }

    @PreAuthorize("isAuthenticated() and !hasRole('CLIENT')")
    @QueryMapping
    public Mono<ReferralRules> inviteRules() {
        return Mono.just(rules.rulesAt(clock.instant()).referral());
    }

    @SchemaMapping(typeName = "Member")
    public Mono<Pages.Page<Invitation>> invitations(Member member, @Argument Integer first, @Argument String after,
                                                    @AuthenticationPrincipal Viewer viewer) {
        requireSelf(member, viewer);
        int size = Pages.size(first);
        return referrals.invitees(member.id(), Pages.after(after, CURSOR_KIND), size + 1).collectList()
                .zipWith(referrals.stats(member.id()), (rows, stats) ->
                        Pages.of(rows, size, Invitation::inviteeId, CURSOR_KIND, after != null, stats.joined()));
    }

    @SchemaMapping(typeName = "Member")
    public Mono<InviteStats> inviteStats(Member member, @AuthenticationPrincipal Viewer viewer) {
        requireSelf(member, viewer);
        return referrals.stats(member.id());
    }

    /** The rewards the inviter got for each invitation on the page, in one query. */
    @BatchMapping(typeName = "Invitation")
    public Mono<Map<Invitation, List<ReferralReward>>> rewards(List<Invitation> invitations) {
        return referrals.rewardsOf(invitations.stream().map(Invitation::inviteeId).toList())
                .filter(reward -> reward.kind() != RewardKind.WELCOME)
                .collectMultimap(ReferralReward::inviteeId)
                .map(byInvitee -> invitations.stream().collect(Collectors.toMap(i -> i,
                        i -> List.copyOf(byInvitee.getOrDefault(i.inviteeId(), List.of())), (a, b) -> a)));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<RecordSharePayload> recordShare(@Argument RecordShareInput input, @AuthenticationPrincipal Viewer viewer) {
        String page = input.page() == null ? "" : input.page().strip();
        if (page.isEmpty() || page.length() > 200) {
            return Mono.just(RecordSharePayload.failed(
                    BusinessException.invalid("page", "页面路径需为 1 到 200 个字符").error()));
        }
        return referrals.recordShare(viewer.id(), page, clock.instant())
                .thenReturn(new RecordSharePayload(true, List.of()))
                .transform(Payloads.recover(RecordSharePayload::failed));
    }

    private static void requireSelf(Member member, Viewer viewer) {
        if (viewer == null || viewer.role() != Role.MEMBER || viewer.id() != member.id()) {
            throw new AccessDeniedException("only the member sees their invitations");
        }
    }
}
