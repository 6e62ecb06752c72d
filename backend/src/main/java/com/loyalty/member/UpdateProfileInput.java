package com.loyalty.member;

import java.time.LocalDate;

/** GraphQL input of {@code updateProfile}. */
public record UpdateProfileInput(String nickname, String avatarUrl, LocalDate birthday, Gender gender) {
}
