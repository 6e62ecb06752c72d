package com.loyalty.shared.security;

import reactor.core.publisher.Mono;

/**
 * The sign-ins behind access tokens (implemented by the auth module): whether one is still live,
 * and ending every sign-in of a subject (a disabled staff account, a closed member account).
 */
public interface Sessions {

    /** Whether the sign-in the token belongs to is still live; one Redis round trip. */
    Mono<Boolean> live(AccessToken token);

    /** Ends every sign-in of the subject ({@link Viewer#subject()}); how many were open. */
    Mono<Long> endAll(String subject);
}
