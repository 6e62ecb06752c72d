package com.loyalty.auth;

/** GraphQL input of {@code staffLogin}. */
public record StaffLoginInput(String username, String password) {
}
