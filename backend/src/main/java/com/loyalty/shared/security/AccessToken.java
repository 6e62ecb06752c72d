package com.loyalty.shared.security;

import java.time.Instant;

/**
 * A verified access token: who it signs in, the sign-in it belongs to (the refresh-token family,
 * JWT claim {@code sid}) and when it expires.
 */
public record AccessToken(Viewer viewer, String sessionId, Instant expiresAt) {

    /** Whether the token is past its expiry at {@code now}. */
    public boolean expiredAt(Instant now) {
        return now.isAfter(expiresAt);
    }
}
