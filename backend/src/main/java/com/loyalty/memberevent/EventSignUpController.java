package com.loyalty.memberevent;

import com.loyalty.memberevent.MemberEventInputs.CancelEventSignUpInput;
import com.loyalty.memberevent.MemberEventInputs.SignUpForEventInput;
import com.loyalty.memberevent.MemberEventPayloads.EventSignUpPayload;
import com.loyalty.memberevent.MemberEventPayloads.MemberEventConnection;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** A member's own side of events: the events for them, signing up and cancelling, their sign-ups. */
@Controller
@PreAuthorize("hasRole('MEMBER')")
class EventSignUpController {

    private final EventSignUpService signUps;

    EventSignUpController(EventSignUpService signUps) {
        this.signUps = signUps;
    }

    @QueryMapping
    public Mono<MemberEventConnection> eventsForMe(@Argument Integer first, @Argument String after,
                                                   @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> signUps.forMember(viewer, first, after));
    }

    @QueryMapping
    public Mono<Pages.Page<EventSignUp>> myEventSignUps(@Argument Integer first, @Argument String after,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> signUps.mine(viewer, first, after));
    }

    @MutationMapping
    public Mono<EventSignUpPayload> signUpForEvent(@Argument SignUpForEventInput input,
                                                   @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> signUps.signUp(viewer, input.eventId()))
                .transform(Payloads.recover(EventSignUpPayload::failed));
    }

    @MutationMapping
    public Mono<EventSignUpPayload> cancelEventSignUp(@Argument CancelEventSignUpInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return Mono.defer(() -> signUps.cancel(viewer, input.eventId()))
                .transform(Payloads.recover(EventSignUpPayload::failed));
    }
}
