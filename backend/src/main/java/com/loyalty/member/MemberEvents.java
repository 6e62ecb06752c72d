package com.loyalty.member;

import reactor.core.publisher.Mono;

/**
 * Other features' reactions to a member's milestones, run inside the same transaction (for
 * example invitation rewards). Implementations are Spring beans.
 */
public interface MemberEvents {

    /** The member signed in for the first time and was registered. */
    default Mono<Void> memberRegistered(Member member) {
        return Mono.empty();
    }

    /** The member bound a phone number for the first time: registration is complete. */
    default Mono<Void> phoneBound(Member member) {
        return Mono.empty();
    }
}
