package com.loyalty.checkin;

import java.time.LocalDate;

/** A day the member checked in (or made up), the streak it reached and the points it gave. */
public record CheckIn(long memberId, LocalDate day, boolean makeUp, int streak, long points) {
}
