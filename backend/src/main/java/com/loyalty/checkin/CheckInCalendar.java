package com.loyalty.checkin;

import java.time.LocalDate;
import java.util.List;

/** A member's check-ins for one month and what the next ones give. */
public record CheckInCalendar(
        String month,
        List<LocalDate> days,
        List<LocalDate> makeUpDays,
        boolean checkedInToday,
        int currentStreak,
        int longestStreak,
        long todayReward,
        long tomorrowReward,
        int makeUpsLeft,
        long makeUpCost) {
}
