package com.loyalty.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Board keys name ISO weeks (by their week-based year) and calendar months, with two digits. */
class BoardPeriodTest {

    @Test
    void weekKeysUseTheIsoWeekAndItsYear() {
        assertThat(BoardPeriod.WEEK.key(LocalDate.of(2026, 1, 1))).isEqualTo("2026-W01");
        assertThat(BoardPeriod.WEEK.key(LocalDate.of(2026, 11, 23))).isEqualTo("2026-W48");
        // Friday 1 January 2027 still belongs to the last ISO week of 2026
        assertThat(BoardPeriod.WEEK.key(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
    }

    @Test
    void monthKeysUseTheCalendarMonth() {
        assertThat(BoardPeriod.MONTH.key(LocalDate.of(2026, 3, 31))).isEqualTo("2026-03");
        assertThat(BoardPeriod.MONTH.key(LocalDate.of(2026, 11, 1))).isEqualTo("2026-11");
    }
}
