package com.loyalty.auth;

import java.time.Instant;

/** An access token, when it expires, and the refresh token to get the next one. */
public record SessionTokens(String accessToken, String refreshToken, Instant expiresAt) {
}
