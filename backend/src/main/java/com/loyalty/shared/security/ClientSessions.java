package com.loyalty.shared.security;

import reactor.core.publisher.Mono;

/**
 * Whether a machine client's access token may be used now (implemented by the client module):
 * the client is still active, the secret the token was issued for still valid (not rotated out past
 * its grace period, not revoked), and the client within its request rate.
 */
public interface ClientSessions {

    /** What a client's request gets. */
    enum Admission {
        /** Go ahead as the client. */
        ADMITTED,
        /** The client was revoked, changed or its secret rotated out: it needs a new token. */
        ENDED,
        /** Too many requests from the client in the current window. */
        RATE_LIMITED
    }

    /** Whether the client's token is admitted; a check of Redis (PostgreSQL when Redis is out of reach). */
    Mono<Admission> admit(AccessToken token);
}
