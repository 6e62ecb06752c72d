package com.loyalty.checkin;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
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

    private final CheckInService checkIns;

    CheckInController(CheckInService checkIns) {
        this.checkIns = checkIns;
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
