package com.loyalty.checkin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * All of a member's check-in days, oldest first, read with one query: the calendar's days,
 * streaks and make-up count are computed from it instead of one query each.
 */
record CheckInHistory(List<CheckIn> days) {

    /** This history with one more check-in, kept in day order. */
    CheckInHistory with(CheckIn added) {
        List<CheckIn> all = new ArrayList<>(days);
        int at = 0;
        while (at < all.size() && all.get(at).day().isBefore(added.day())) {
            at++;
        }
        all.add(at, added);
        return new CheckInHistory(List.copyOf(all));
    }

    boolean contains(LocalDate day) {
        return index(day) >= 0;
    }

    /** Days in a row ending at {@code day}; 0 when the member did not check in that day. */
    int streakEndingAt(LocalDate day) {
        int i = index(day);
        if (i < 0) {
            return 0;
        }
        int n = 1;
        while (i - n >= 0 && days.get(i - n).day().equals(day.minusDays(n))) {
            n++;
        }
        return n;
    }

    int longestStreak() {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < days.size(); i++) {
            run = i > 0 && days.get(i - 1).day().plusDays(1).equals(days.get(i).day()) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    List<CheckIn> in(YearMonth month) {
        return days.stream().filter(c -> YearMonth.from(c.day()).equals(month)).toList();
    }

    int makeUpsIn(YearMonth month) {
        return (int) in(month).stream().filter(CheckIn::makeUp).count();
    }

    private int index(LocalDate day) {
        int low = 0;
        int high = days.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int cmp = days.get(mid).day().compareTo(day);
            if (cmp == 0) {
                return mid;
            } else if (cmp < 0) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return -1;
    }
}
