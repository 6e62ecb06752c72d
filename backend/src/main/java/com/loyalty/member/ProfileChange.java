package com.loyalty.member;

import java.time.LocalDate;

/** Checked profile edits; null fields stay as they are. */
public record ProfileChange(String nickname, String avatarUrl, LocalDate birthday, Gender gender) {
}
