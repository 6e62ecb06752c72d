package com.loyalty.privacy;

import java.time.LocalDate;
import reactor.core.publisher.Mono;

/**
 * What a feature does when a member's account is erased at the end of its cooling-off period:
 * erase the personal text it holds about them (messages, notes, consents), keeping what
 * accounting and analytics count. Run inside the erasure's transaction, after the member row
 * itself has been erased.
 */
public interface AccountErasure {

    Mono<Void> memberErased(long memberId);

    /**
     * After a run of the erasure job that erased {@code erased} accounts (at least one), outside
     * their transactions: what is derived from many members' data is recomputed without them.
     * Answers a few words for the job's summary, or nothing.
     */
    default Mono<String> afterErasing(LocalDate asOf, long erased) {
        return Mono.empty();
    }
}
