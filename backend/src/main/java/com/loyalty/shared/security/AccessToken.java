package com.loyalty.shared.security;

import java.time.Instant;

/**
 * A verified access token: who it signs in, the sign-in it belongs to (the refresh-token family,
 * JWT claim {@code sid}), when it expires, and whether the staff account must change its password
 * before doing anything else (JWT claim {@code pwc}, see {@link PasswordChangeGate}).
 */
public record AccessToken(Viewer viewer, String sessionId, Instant expiresAt, boolean passwordChangeRequired) {

    public AccessToken(Viewer viewer, String sessionId, Instant expiresAt) {
        this(viewer, sessionId, expiresAt, false);
    }

    /** Whether the token is past its expiry at {@code now}. */
    public boolean expiredAt(Instant now) {
        return now.isAfter(expiresAt);
    }
}
