package com.loyalty.checkin;

import java.util.List;

/** A member's check-ins as staff see them on the member's page: streaks and the latest days, newest first. */
public record MemberCheckIns(int currentStreak, int longestStreak, boolean checkedInToday, int total,
                             List<CheckIn> recent) {

    /** The same with only the latest {@code n} check-ins. */
    MemberCheckIns latest(int n) {
        return recent.size() <= n ? this
                : new MemberCheckIns(currentStreak, longestStreak, checkedInToday, total, recent.subList(0, n));
    }
}
