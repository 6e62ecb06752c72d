package com.loyalty.member;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The store each member registered at (empty when none), remembered once read: it is set when
 * the member registers and never changes, so check-ins need not read the member for their
 * store boards. Bounded: when full it starts over.
 */
@Component
public class RegistrationStores {

    static final int MAX_MEMBERS = 100_000;

    private final MemberRepository members;
    private final Map<Long, Optional<Long>> known = new ConcurrentHashMap<>();

    public RegistrationStores(MemberRepository members) {
        this.members = members;
    }

    /** The member's registration store; empty Mono when there is no such member. */
    public Mono<Optional<Long>> of(long memberId) {
        Optional<Long> store = known.get(memberId);
        if (store != null) {
            return Mono.just(store);
        }
        return members.findById(memberId).map(m -> Optional.ofNullable(m.registrationStoreId())).doOnNext(s -> {
            if (known.size() >= MAX_MEMBERS) {
                known.clear();
            }
            known.put(memberId, s);
        });
    }
}
