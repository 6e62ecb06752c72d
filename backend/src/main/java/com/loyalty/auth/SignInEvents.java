package com.loyalty.auth;

import com.loyalty.member.Member;
import reactor.core.publisher.Mono;

/**
 * Other features' reactions to a member signing in, run before the session's tokens are issued
 * (privacy: signing in during an account closure's cooling-off period keeps the account).
 */
public interface SignInEvents {

    Mono<Void> memberSignedIn(Member member);
}
