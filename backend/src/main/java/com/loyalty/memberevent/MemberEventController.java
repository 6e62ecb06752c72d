package com.loyalty.memberevent;

import com.loyalty.memberevent.MemberEventInputs.CheckInAtEventInput;
import com.loyalty.memberevent.MemberEventInputs.CreateMemberEventInput;
import com.loyalty.memberevent.MemberEventInputs.MemberEventActionInput;
import com.loyalty.memberevent.MemberEventInputs.MemberEventFilter;
import com.loyalty.memberevent.MemberEventInputs.UpdateMemberEventInput;
import com.loyalty.memberevent.MemberEventPayloads.EventCheckInPayload;
import com.loyalty.memberevent.MemberEventPayloads.MemberEventConnection;
import com.loyalty.memberevent.MemberEventPayloads.MemberEventPayload;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.util.function.Supplier;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Member events for staff: store managers (their store), marketers and admins run them; clerks read
 * their store's and check members in at the door. memberEvent answers members too (their view).
 */
@Controller
@PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
class MemberEventController {

    private final MemberEventService events;
    private final EventSignUpService signUps;

    MemberEventController(MemberEventService events, EventSignUpService signUps) {
        this.events = events;
        this.signUps = signUps;
    }

    @MutationMapping
    public Mono<MemberEventPayload> createMemberEvent(@Argument CreateMemberEventInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return payload(() -> events.create(viewer, input));
    }

    @MutationMapping
    public Mono<MemberEventPayload> updateMemberEvent(@Argument UpdateMemberEventInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return payload(() -> events.update(viewer, input));
    }

    @MutationMapping
    public Mono<MemberEventPayload> publishMemberEvent(@Argument MemberEventActionInput input,
                                                       @AuthenticationPrincipal Viewer viewer) {
        return payload(() -> events.publish(viewer, input));
    }

    @MutationMapping
    public Mono<MemberEventPayload> pauseMemberEvent(@Argument MemberEventActionInput input,
                                                     @AuthenticationPrincipal Viewer viewer) {
        return payload(() -> events.pause(viewer, input));
    }

    @MutationMapping
    public Mono<MemberEventPayload> resumeMemberEvent(@Argument MemberEventActionInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return payload(() -> events.resume(viewer, input));
    }

    @MutationMapping
    public Mono<MemberEventPayload> cancelMemberEvent(@Argument MemberEventActionInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return payload(() -> events.cancel(viewer, input));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<EventCheckInPayload> checkInAtEvent(@Argument CheckInAtEventInput input,
                                                    @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> signUps.checkIn(viewer, input.eventId(), input.memberCode()))
                .transform(Payloads.recover(EventCheckInPayload::failed));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<MemberEventConnection> memberEvents(@Argument MemberEventFilter filter, @Argument Integer first,
                                                    @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> events.list(viewer, filter, first, after));
    }

    @PreAuthorize("hasAnyRole('MEMBER', 'CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<MemberEvent> memberEvent(@Argument Long id, @AuthenticationPrincipal Viewer viewer) {
        return viewer.role() == Role.MEMBER ? signUps.visibleTo(viewer, id) : events.visible(viewer, id);
    }

    private static Mono<MemberEventPayload> payload(Supplier<Mono<MemberEvent>> action) {
        return Mono.defer(action).map(MemberEventPayload::of).transform(Payloads.recover(MemberEventPayload::failed));
    }
}
