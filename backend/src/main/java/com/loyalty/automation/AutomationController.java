package com.loyalty.automation;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Automation rules (brand-wide: marketers and admins change them) and the follow-up call list for store staff. */
@Controller
class AutomationController {

    private final AutomationAdminService admin;
    private final FollowUpService followUps;
    private final PhoneReveals phoneReveals;
    private final MemberService members;

    AutomationController(AutomationAdminService admin, FollowUpService followUps, PhoneReveals phoneReveals,
                         MemberService members) {
        this.admin = admin;
        this.followUps = followUps;
        this.phoneReveals = phoneReveals;
        this.members = members;
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<List<AutomationRule>> automationRules(@Argument Boolean enabled, @AuthenticationPrincipal Viewer viewer) {
        return admin.rules(viewer, enabled);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<AutomationRule> automationRule(@Argument RuleName rule, @AuthenticationPrincipal Viewer viewer) {
        return admin.rule(viewer, rule);
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<AutomationRulePayload> updateAutomationRule(@Argument UpdateAutomationRuleInput input,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return admin.update(viewer, input).map(AutomationRulePayload::of)
                .transform(Payloads.recover(AutomationRulePayload::failed));
    }

    @BatchMapping(typeName = "AutomationRule")
    public Mono<Map<AutomationRule, List<AutomationRepository.Run>>> lastRuns(List<AutomationRule> rules) {
        return admin.latestRuns(rules.get(0).brandId()).map(runs -> rules.stream().collect(Collectors.toMap(
                Function.identity(), r -> runs.getOrDefault(r.rule(), List.of()))));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<FollowUpTask>> followUpTasks(@Argument Long storeId, @Argument FollowUpTask.Status status,
                                                        @Argument Integer first, @Argument String after,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return followUps.list(viewer, storeId, status, first, after);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<FollowUpTask> followUpTask(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return followUps.find(viewer, id);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<FollowUpTaskPayload> updateFollowUpTask(@Argument UpdateFollowUpTaskInput input,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return followUps.update(viewer, input).map(FollowUpTaskPayload::of)
                .transform(Payloads.recover(FollowUpTaskPayload::failed));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<RevealMemberPhonePayload> revealMemberPhone(@Argument RevealMemberPhoneInput input,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return phoneReveals.reveal(viewer, input).map(RevealMemberPhonePayload::of)
                .transform(Payloads.recover(RevealMemberPhonePayload::failed));
    }

    @BatchMapping(typeName = "FollowUpTask")
    public Mono<Map<FollowUpTask, Member>> member(List<FollowUpTask> tasks) {
        return members.findByIds(tasks.stream().map(FollowUpTask::memberId).distinct().toList())
                .collectMap(Member::id)
                .map(byId -> tasks.stream().collect(Collectors.toMap(Function.identity(), t -> byId.get(t.memberId()))));
    }
}
