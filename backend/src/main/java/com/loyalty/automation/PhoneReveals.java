package com.loyalty.automation;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Shows a member's full phone number to the staff member about to call them, from the call list.
 * Staff otherwise see phones masked, so each reveal is a deliberate, audited act:
 * <ul>
 *   <li>store managers reveal numbers of their own store's members (registered or bought there), or
 *       of the member of one of their store's follow-up tasks; admins any of the brand's members.
 *       Clerks reveal none: the call list with its call button is the manager's page (the GraphQL
 *       field refuses them).</li>
 *   <li>each reveal is recorded in the staff audit trail ({@value #ACTION}, with the task or the
 *       reason), and each staff member may reveal a limited number per hour
 *       ({@code MEMBER_PHONE_REVEAL}, 30 by default).</li>
 * </ul>
 */
@Service
class PhoneReveals {

    static final String ACTION = "REVEAL_MEMBER_PHONE";
    private static final int MAX_REASON = 200;

    private final FollowUpRepository tasks;
    private final StoreScope scope;
    private final MemberService members;
    private final StaffAuditLog audit;
    private final RateLimits rateLimits;

    PhoneReveals(FollowUpRepository tasks, StoreScope scope, MemberService members, StaffAuditLog audit,
                 RateLimits rateLimits) {
        this.tasks = tasks;
        this.scope = scope;
        this.members = members;
        this.audit = audit;
        this.rateLimits = rateLimits;
    }

    /** The member's full phone number; PHONE_NOT_BOUND when they have none. */
    Mono<String> reveal(Viewer staff, RevealMemberPhoneInput in) {
        return rateLimits.acquire(RateLimitedAction.MEMBER_PHONE_REVEAL, staff.id())
                .then(Mono.defer(() -> in.followUpTaskId() == null ? withoutTask(staff, in) : forTask(staff, in)))
                .flatMap(reveal -> {
                    String phone = members.phone(reveal.member());
                    if (phone == null) {
                        return Mono.error(new BusinessException(UserError.onInput("memberId",
                                ErrorCode.PHONE_NOT_BOUND, "该会员未绑定手机号，无法拨打")));
                    }
                    return audit.record(staff, reveal.storeId(), ACTION, reveal.member().id(), reveal.why())
                            .thenReturn(phone);
                });
    }

    /** What is revealed, where (the audit's store) and why. */
    private record Reveal(Member member, Long storeId, String why) {
    }

    /** A call from the call list: the task must be for this member and of the staff member's store. */
    private Mono<Reveal> forTask(Viewer staff, RevealMemberPhoneInput in) {
        return tasks.find(staff.brandId(), in.followUpTaskId())
                .filter(task -> in.memberId() != null && task.memberId() == in.memberId())
                .switchIfEmpty(Mono.error(() -> new BusinessException(UserError.onInput("followUpTaskId",
                        ErrorCode.FOLLOW_UP_NOT_FOUND, "回访任务不存在"))))
                .flatMap(task -> scope.storeFor(staff, task.storeId())
                        .then(members.get(task.memberId()))
                        .map(member -> new Reveal(member, task.storeId(), why(task.id(), in.reason()))));
    }

    /** Any other call: the member must be one the staff member may act on, and the reason is required. */
    private Mono<Reveal> withoutTask(Viewer staff, RevealMemberPhoneInput in) {
        return scope.requireMemberInScope(staff, in.memberId(), "memberId").map(member -> {
            String reason = in.reason() == null ? "" : in.reason().strip();
            if (reason.isEmpty() || reason.length() > MAX_REASON) {
                throw BusinessException.invalid("reason", "请填写查看号码的原因（最多 200 字）");
            }
            return new Reveal(member, staff.storeId() != null ? staff.storeId() : member.registrationStoreId(), reason);
        });
    }

    private static String why(long taskId, String reason) {
        String said = reason == null ? "" : reason.strip();
        String task = "回访任务 #" + taskId;
        return said.isEmpty() ? task : task + "：" + (said.length() > MAX_REASON ? said.substring(0, MAX_REASON) : said);
    }
}
