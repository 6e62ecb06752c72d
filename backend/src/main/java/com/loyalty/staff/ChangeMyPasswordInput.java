package com.loyalty.staff;

/** GraphQL input of {@code changeMyPassword}. */
public record ChangeMyPasswordInput(String currentPassword, String newPassword) {
}
