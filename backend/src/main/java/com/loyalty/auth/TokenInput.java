package com.loyalty.auth;

/** GraphQL input of {@code refreshSession} and {@code logout}. */
public record TokenInput(String refreshToken) {
}
