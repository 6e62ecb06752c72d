package com.loyalty.automation;

import com.loyalty.privacy.AccountErasure;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** An erased member's call-list tasks keep their status but lose the reason and the staff's notes. */
@Component
class FollowUpErasure implements AccountErasure {

    private final FollowUpRepository followUps;

    FollowUpErasure(FollowUpRepository followUps) {
        this.followUps = followUps;
    }

    @Override
    public Mono<Void> memberErased(long memberId) {
        return followUps.forget(memberId);
    }
}
