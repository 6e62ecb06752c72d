package com.loyalty.membercode;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.ratelimit.RateLimitedAction;
import com.loyalty.shared.ratelimit.RateLimits;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreScope;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A member as an API client's till shows them (scope members:read): found by the member code the till
 * scanned, read as the staff search reads it (not used up, so the same code pays in recordPurchase
 * afterwards), or by member id within the client's stores. Never by phone number. Each lookup is
 * audited as the client ({@value #CLIENT_READ_MEMBER}, with the member found). It lives with the
 * member code (the till's view of a member, like {@link MemberCard}) rather than in the client module,
 * which the staff module uses to name clients and so cannot itself depend on the member code.
 */
@Service
class MemberSummaries {

    /** The audited action of a client's member lookup. */
    static final String CLIENT_READ_MEMBER = "CLIENT_READ_MEMBER";

    private final MemberCodeService memberCodes;
    private final MemberService members;
    private final StoreScope storeScope;
    private final RateLimits limits;
    private final StaffAuditLog audit;

    MemberSummaries(MemberCodeService memberCodes, MemberService members, StoreScope storeScope, RateLimits limits,
                    StaffAuditLog audit) {
        this.memberCodes = memberCodes;
        this.members = members;
        this.storeScope = storeScope;
        this.limits = limits;
        this.audit = audit;
    }

    /**
     * The member named by exactly one of {@code code} and {@code memberId}; empty when an id names no
     * member the client may see. A code that is not a live one of the brand's members: CODE_INVALID or
     * CODE_EXPIRED (refusals audited and typed digits rate-limited by the member-code module).
     */
    Mono<Member> find(Viewer client, String code, Long memberId) {
        String scanned = code == null || code.isBlank() ? null : code.strip();
        if ((scanned == null) == (memberId == null)) {
            return Mono.error(new BusinessException(ErrorCode.INVALID_INPUT, "请只按会员码或会员编号中的一项查询"));
        }
        if (scanned != null) {
            return memberCodes.memberNamedBy(client, scanned)
                    .flatMap(members::get)
                    .filter(member -> member.brandId() == client.brandId())
                    .switchIfEmpty(Mono.error(() -> new BusinessException(ErrorCode.CODE_INVALID, "会员码无效")))
                    .flatMap(member -> audited(client, member.id(), "by member code").thenReturn(member));
        }
        return limits.acquire(RateLimitedAction.MEMBER_LOOKUP, client.rateSubject())
                .then(members.get(memberId))
                .filter(member -> member.brandId() == client.brandId())
                .flatMap(member -> storeScope.mayActOn(client, member.id()).map(allowed -> Optional.of(allowed
                        ? new Lookup(member, "by member id") : new Lookup(null, "by member id: not a member of its stores"))))
                .defaultIfEmpty(Optional.empty())
                .flatMap(found -> {
                    Lookup lookup = found.orElse(new Lookup(null, "by member id " + memberId + ": no such member"));
                    Long audited = found.isPresent() ? memberId : null;
                    return audited(client, audited, lookup.detail()).then(Mono.justOrEmpty(lookup.member()));
                });
    }

    /** The member found (null: none the client may see) and how the audit trail tells the lookup. */
    private record Lookup(Member member, String detail) {
    }

    private Mono<Void> audited(Viewer client, Long memberId, String detail) {
        return audit.record(client, storeOf(client), CLIENT_READ_MEMBER, memberId, detail);
    }

    /** The store a client's read is recorded at: its only store, or none for a client of several or all. */
    static Long storeOf(Viewer client) {
        return client.stores().size() == 1 ? client.stores().iterator().next() : null;
    }
}
