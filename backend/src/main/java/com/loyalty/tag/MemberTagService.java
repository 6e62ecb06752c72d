package com.loyalty.tag;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Viewer;
import com.loyalty.audit.StaffAuditLog;
import com.loyalty.store.StoreScope;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Staff put manual tags on members of their brand (a clerk or manager only on their store's
 * members) and take them off, with a reason in the audit trail. Repeating either changes nothing and is not audited again. Rule tags are off limits.
 */
@Service
public class MemberTagService {

    private static final int MAX_REASON = 200;

    private final MemberTagRepository memberTags;
    private final TagService tags;
    private final StaffAuditLog audit;
    private final StoreScope scope;
    private final Clock clock;
    private final TransactionalOperator tx;

    public MemberTagService(MemberTagRepository memberTags, TagService tags, StaffAuditLog audit, StoreScope scope,
                            Clock clock, TransactionalOperator tx) {
        this.scope = scope;
        this.memberTags = memberTags;
        this.tags = tags;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    public Mono<MemberTagPayload> add(Viewer staff, MemberTagInput in) {
        return change(staff, in, true);
    }

    public Mono<MemberTagPayload> remove(Viewer staff, MemberTagInput in) {
        return change(staff, in, false);
    }

    private Mono<MemberTagPayload> change(Viewer staff, MemberTagInput in, boolean add) {
        String reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            return Mono.error(BusinessException.invalid("reason", "原因最多 " + MAX_REASON + " 个字符"));
        }
        return scope.requireMemberInScope(staff, in.memberId(), "memberId")
                .flatMap(member -> tags.require(staff.brandId(), in.tagId())
                        .flatMap(tag -> tag.kind() != Tag.Kind.MANUAL
                                ? Mono.error(new BusinessException(UserError.onInput("tagId", ErrorCode.TAG_NOT_MANUAL,
                                        "规则标签由系统按规则自动维护，不能手动添加或移除")))
                                : apply(staff, member, tag, reason, add)))
                .as(tx::transactional);
    }

    private Mono<MemberTagPayload> apply(Viewer staff, Member member, Tag tag, String reason, boolean add) {
        Mono<Boolean> changed = add
                ? memberTags.add(member.id(), tag.id(), staff.id(), reason, clock.instant())
                : memberTags.remove(member.id(), tag.id(), staff.id(), reason, clock.instant());
        return changed.flatMap(done -> (done
                        ? audit.record(staff, staff.storeId(), add ? "ADD_MEMBER_TAG" : "REMOVE_MEMBER_TAG", member.id(),
                                tag.id() + " " + tag.name() + (reason == null ? "" : " " + reason))
                        : Mono.<Void>empty())
                .thenReturn(MemberTagPayload.of(member, tag, done)));
    }
}
