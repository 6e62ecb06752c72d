package com.loyalty.auth;

import com.loyalty.member.Member;
import reactor.core.publisher.Mono;

/**
 * Other features' reactions to a member signing in, run before the session's tokens are issued
 * (privacy: a member whose account is closing is refused with {@link AccountClosurePending} unless
 * the sign-in asks to cancel the closure). A reaction that fails refuses the sign-in.
 */
public interface SignInEvents {

    Mono<Void> memberSignedIn(Member member, LoginInput input);
}
