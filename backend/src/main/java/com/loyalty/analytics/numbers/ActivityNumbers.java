package com.loyalty.analytics.numbers;

import java.time.LocalDate;

/**
 * Member activity of a period: members active in any way (a counted order, a check-in or points
 * spent), check-in participation among the members, and points spending. Shares are null when
 * there are no members.
 */
public record ActivityNumbers(LocalDate start, LocalDate end, int activeMembers, int members, int checkIns,
                              int checkInMembers, Double checkInRate, int pointsSpenders, long pointsSpent) {
}
