package com.loyalty.privacy;

import reactor.core.publisher.Mono;

/**
 * What a feature does when a member's account is erased at the end of its cooling-off period:
 * erase the personal text it holds about them (messages, notes, consents), keeping what
 * accounting and analytics count. Run inside the erasure's transaction, after the member row
 * itself has been erased.
 */
public interface AccountErasure {

    Mono<Void> memberErased(long memberId);
}
