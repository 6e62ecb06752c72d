package com.loyalty.privacy;

import reactor.core.publisher.Mono;

/**
 * A rule that can hold back an account closure, consulted when the member asks to close and
 * again before erasure, e.g. the wallet: outstanding stored value must be refunded or forfeited
 * first. Fails with a BusinessException (code ACCOUNT_CLOSURE_BLOCKED, Chinese message saying
 * what to do) when the member may not close yet; completes empty otherwise.
 */
public interface AccountClosureCheck {

    Mono<Void> check(long memberId);
}
