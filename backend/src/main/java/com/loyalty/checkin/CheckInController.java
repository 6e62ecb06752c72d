package com.loyalty.checkin;

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

/** The member's daily check-in, make-ups and calendar. */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class CheckInController {

    /** Who reads a member's check-ins besides the member: staff as the member query lets them see the member. */
    private static final Set<Role> STAFF_READERS = Set.of(Role.CLERK, Role.STORE_MANAGER, Role.MARKETER, Role.ADMIN);

    private final CheckInService checkIns;
    private final StoreScope scope;

    CheckInController(CheckInService checkIns, StoreScope scope) {
        this.checkIns = checkIns;
        this.scope = scope;
    }

    /** The check-ins of a page of members at once; null for a member outside the caller's store. */
    @PreAuthorize("isAuthenticated()")
    @BatchMapping(typeName = "Member")
    public Mono<Map<Member, MemberCheckIns>> checkIns(List<Member> members, Principal principal) {
        return scope.readableMembers(principal, members, true, STAFF_READERS)
                .flatMap(readable -> checkIns.ofMembers(readable).map(byId -> {
                    Map<Member, MemberCheckIns> result = new HashMap<>();
                    members.stream().filter(m -> byId.containsKey(m.id())).forEach(m -> result.put(m, byId.get(m.id())));
                    return result;
                }));
    }

    @MutationMapping
    public Mono<CheckInPayload> checkIn(@AuthenticationPrincipal Viewer viewer) {
        return checkIns.checkIn(viewer).transform(Payloads.recover(CheckInPayload::failed));
    }

    @MutationMapping
    public Mono<CheckInPayload> makeUpCheckIn(@Argument MakeUpCheckInInput input, @AuthenticationPrincipal Viewer viewer) {
        return checkIns.makeUp(viewer, input.day()).transform(Payloads.recover(CheckInPayload::failed));
    }

    @QueryMapping
    public Mono<CheckInCalendar> checkInCalendar(@Argument String month, @AuthenticationPrincipal Viewer viewer) {
        return checkIns.calendar(viewer, month);
    }
}
