package com.loyalty.checkin;

import java.util.List;

/** A member's check-ins as staff see them on the member's page: streaks and the latest days, newest first. */
public record MemberCheckIns(int currentStreak, int longestStreak, boolean checkedInToday, int total,
                             List<CheckIn> recent) {
}
