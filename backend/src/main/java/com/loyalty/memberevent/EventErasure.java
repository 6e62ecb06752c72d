package com.loyalty.memberevent;

import com.loyalty.privacy.AccountErasure;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An erased member's places in events still to come go to the waiting list; their sign-ups (which
 * hold nothing but the member id, times and points) stay, so each event's numbers do not change.
 */
@Component
class EventErasure implements AccountErasure {

    private final EventSignUpService signUps;

    EventErasure(EventSignUpService signUps) {
        this.signUps = signUps;
    }

    @Override
    public Mono<Void> memberErased(long memberId) {
        return signUps.giveUpPlacesOf(memberId);
    }
}
