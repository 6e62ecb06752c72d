package com.loyalty.auth;

/** GraphQL input of {@code login}. */
public record LoginInput(String code, String inviterCode, Long storeId) {
}
