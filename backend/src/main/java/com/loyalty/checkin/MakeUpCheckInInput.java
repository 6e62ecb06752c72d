package com.loyalty.checkin;

import java.time.LocalDate;

/** GraphQL input of {@code makeUpCheckIn}. */
public record MakeUpCheckInInput(LocalDate day) {
}
