package com.loyalty.privacy;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Role;
import com.loyalty.store.StoreScope;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** The signed-in member's personal data rights: consents, a copy of their data, closing the account. */
@Controller
class PrivacyController {

    /** Staff who read a member's consents: not clerks, who do not need them at the till. */
    private static final Set<Role> CONSENT_READERS = Set.of(Role.STORE_MANAGER, Role.MARKETER, Role.ADMIN);

    private final ConsentService consents;
    private final StoreScope scope;
    private final AccountClosureService closures;
    private final DataExportService exports;
    private final PrivacyNotices notices;

    PrivacyController(ConsentService consents, AccountClosureService closures, DataExportService exports,
                      PrivacyNotices notices, StoreScope scope) {
        this.scope = scope;
        this.notices = notices;
        this.consents = consents;
        this.closures = closures;
        this.exports = exports;
    }

    /**
     * What a page of members agreed to, at once: the member themself, store managers (their store's
     * members), marketers and admins; null for a member outside a manager's store; clerks FORBIDDEN.
     */
    @PreAuthorize("isAuthenticated() and !hasRole('CLIENT')")
    @BatchMapping(typeName = "Member")
    public Mono<Map<Member, MemberConsents>> consents(List<Member> members, Principal principal) {
        return scope.readableMembers(principal, members, true, CONSENT_READERS)
                .flatMap(readable -> consents.consentsOf(readable).map(byId -> {
                    Map<Member, MemberConsents> result = new HashMap<>();
                    members.stream().filter(m -> byId.containsKey(m.id())).forEach(m -> result.put(m, byId.get(m.id())));
                    return result;
                }));
    }

    /** Anyone, signed in or not: the notice is read before agreeing, which comes before any profile data. */
    @QueryMapping
    public PrivacyNotice privacyNotice(@Argument Integer version) {
        return version == null ? notices.current() : notices.version(version).orElse(null);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<Consents> myConsents(@AuthenticationPrincipal Viewer viewer) {
        return consents.consents(viewer.id());
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<MyDataExport> exportMyData(@AuthenticationPrincipal Viewer viewer) {
        return exports.export(viewer.id());
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<ConsentsPayload> updateConsents(@Argument UpdateConsentsInput input,
                                                @AuthenticationPrincipal Viewer viewer) {
        return consents.update(viewer.id(), input).map(ConsentsPayload::of)
                .transform(Payloads.recover(ConsentsPayload::failed));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<CloseAccountPayload> closeAccount(@Argument CloseAccountInput input,
                                                  @AuthenticationPrincipal Viewer viewer) {
        return closures.requestClosure(viewer.id(), input).map(CloseAccountPayload::of)
                .transform(Payloads.recover(CloseAccountPayload::failed));
    }
}
