package com.loyalty.store;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import com.loyalty.shared.graphql.UserError;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Decides at which store a staff action happens and on which members: clerks and managers only at
 * their own store and on its members (registered or bought there); marketers and admins brand-wide;
 * a machine client (API client) at the stores it acts for (all of the brand's when it names none).
 */
@Component
public class StoreScope {

    private final StoreService stores;
    private final StoreRepository rows;
    private final MemberService members;

    public StoreScope(StoreService stores, StoreRepository rows, MemberService members) {
        this.stores = stores;
        this.rows = rows;
        this.members = members;
    }

    /**
     * The brand's member {@code memberId} when the staff member may act on them (see
     * {@link #requireMember}); MEMBER_NOT_FOUND on {@code inputField} otherwise, also for another
     * brand's member or none.
     */
    public Mono<Member> requireMemberInScope(Viewer staff, Long memberId, String inputField) {
        return members.requireInBrand(staff.brandId(), memberId, inputField)
                .flatMap(member -> requireMember(staff, member.id(), inputField).thenReturn(member));
    }

    /**
     * Completes when the staff member may act on the member: always for brand-wide roles; for a
     * clerk or manager only when the member registered at or bought at their store. Otherwise
     * MEMBER_NOT_FOUND on {@code inputField}, the same answer as for another brand's member.
     */
    public Mono<Void> requireMember(Viewer staff, long memberId, String inputField) {
        return mayActOn(staff, memberId).flatMap(ok -> ok ? Mono.<Void>empty()
                : Mono.error(new BusinessException(UserError.onInput(inputField, ErrorCode.MEMBER_NOT_FOUND,
                        "会员不存在"))));
    }

    /** Whether the staff member may see or act on the member (see {@link #requireMember}). */
    public Mono<Boolean> mayActOn(Viewer staff, long memberId) {
        if (staff.role().isBrandWide() || staff.isClient() && staff.stores().isEmpty()) {
            return Mono.just(true);
        }
        if (staff.isClient()) {
            return reactor.core.publisher.Flux.fromIterable(staff.stores())
                    .concatMap(store -> rows.isMemberOfStore(store, memberId)).any(Boolean::booleanValue);
        }
        if (staff.storeId() == null) {
            return Mono.just(false);
        }
        return rows.isMemberOfStore(staff.storeId(), memberId);
    }

    /**
     * Of these members, the ids whose records the caller may read in a field on Member, decided for a
     * whole page of members at once: the member themself when {@code selfAllowed}; staff of one of
     * {@code staffRoles} for members of their brand, brand-wide roles any, clerks and managers only
     * their store's (registered or bought there, as {@link #mayActOn}). A member left out reads null,
     * as the member query answers for a member outside the store. A caller whose role may not read it
     * at all (another role, or a member when not {@code selfAllowed}) gets FORBIDDEN.
     */
    public Mono<Set<Long>> readableMembers(java.security.Principal principal, Collection<Member> members,
                                          boolean selfAllowed, Set<Role> staffRoles) {
        Viewer viewer = principal instanceof org.springframework.security.core.Authentication a
                && a.getPrincipal() instanceof Viewer v ? v : null;
        return readableMembers(viewer, members, selfAllowed, staffRoles);
    }

    /**
     * As {@link #readableMembers(java.security.Principal, Collection, boolean, Set)}, for the caller of
     * the request being served (its security context), e.g. inside a batch loader.
     */
    public Mono<Set<Long>> readableMembers(Collection<Member> members, boolean selfAllowed, Set<Role> staffRoles) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .map(auth -> auth.getPrincipal() instanceof Viewer v ? Optional.of(v) : Optional.<Viewer>empty())
                .defaultIfEmpty(Optional.empty())
                .flatMap(viewer -> readableMembers(viewer.orElse(null), members, selfAllowed, staffRoles));
    }

    /** As {@link #readableMembers(java.security.Principal, Collection, boolean, Set)}, for a known caller. */
    public Mono<Set<Long>> readableMembers(Viewer viewer, Collection<Member> members, boolean selfAllowed,
                                          Set<Role> staffRoles) {
        if (viewer == null || (viewer.role() == Role.MEMBER ? !selfAllowed : !staffRoles.contains(viewer.role()))) {
            return Mono.error(new AccessDeniedException("not readable by this role"));
        }
        if (viewer.role() == Role.MEMBER) {
            return Mono.just(members.stream().map(Member::id).filter(id -> id == viewer.id()).collect(Collectors.toSet()));
        }
        List<Long> inBrand = members.stream().filter(m -> m.brandId() == viewer.brandId()).map(Member::id)
                .distinct().toList();
        if (viewer.role().isBrandWide()) {
            return Mono.just(Set.copyOf(inBrand));
        }
        if (viewer.storeId() == null || inBrand.isEmpty()) {
            return Mono.just(Set.of());
        }
        return rows.membersOfStore(viewer.storeId(), inBrand).collect(Collectors.toSet());
    }

    /**
     * The store for a till action that records something new (a purchase, a recharge): as
     * {@link #storeFor}, and STORE_CLOSED when that store is closed, for every role. One primary-key
     * read, so a closed store stops its till on the next request.
     */
    public Mono<Long> openStoreFor(Viewer staff, Long requestedStoreId) {
        return storeFor(staff, requestedStoreId).flatMap(stores::requireOpen);
    }

    /**
     * The store for a refund: its own staff get STORE_CLOSED at a closed store (as {@link #openStoreFor});
     * an admin may still refund an order of a closed store, naming it.
     */
    public Mono<Long> refundStoreFor(Viewer staff, Long requestedStoreId) {
        return staff.role() == Role.ADMIN ? storeFor(staff, requestedStoreId)
                : openStoreFor(staff, requestedStoreId);
    }

    /**
     * The store a machine client acts at: the one it names, which must be one of its stores (FORBIDDEN
     * otherwise, as for a clerk of another store), or, when it acts for one store only, that store.
     */
    private Mono<Long> clientStore(Viewer client, Long requestedStoreId) {
        if (requestedStoreId == null) {
            return client.stores().size() == 1 ? Mono.just(client.stores().iterator().next())
                    : Mono.error(BusinessException.invalid("storeId", "请指定门店（storeId）"));
        }
        if (!client.actsFor(requestedStoreId)) {
            return Mono.error(new AccessDeniedException("the client does not act for this store"));
        }
        return stores.require(client.brandId(), requestedStoreId, "storeId").map(Store::id);
    }

    /**
     * The store for the action: a clerk's or manager's own (asking for another is FORBIDDEN); a
     * marketer or an admin names one in {@code storeId}.
     */
    public Mono<Long> storeFor(Viewer staff, Long requestedStoreId) {
        if (staff.isClient()) {
            return clientStore(staff, requestedStoreId);
        }
        if (staff.role().isBrandWide()) {
            if (requestedStoreId == null) {
                return Mono.error(BusinessException.invalid("storeId", "管理员操作需指定门店"));
            }
            return stores.require(staff.brandId(), requestedStoreId, "storeId").map(Store::id);
        }
        if (staff.storeId() == null || requestedStoreId != null && !requestedStoreId.equals(staff.storeId())) {
            return Mono.error(new AccessDeniedException("staff may act only at their own store"));
        }
        return Mono.just(staff.storeId());
    }
}
