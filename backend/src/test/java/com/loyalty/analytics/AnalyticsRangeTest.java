package com.loyalty.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.loyalty.shared.graphql.BadArgumentException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AnalyticsRangeTest {

    @Test
    void weeksStartOnMondayAndAreClippedToTheRange() {
        var range = new AnalyticsRange(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 17), Granularity.WEEK, null);

        assertThat(range.periods()).containsExactly(
                new Period(LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 8)),
                new Period(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 15)),
                new Period(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 17)));
    }

    @Test
    void monthsAreCalendarMonths() {
        var range = new AnalyticsRange(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 31), Granularity.MONTH, null);

        assertThat(range.periods()).containsExactly(
                new Period(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 31)),
                new Period(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)),
                new Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertThat(range.previous().from()).isEqualTo(LocalDate.of(2025, 10, 31));
    }

    @Test
    void daysByDefaultAndBackwardRangesAreRefused() {
        var range = new AnalyticsRange(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 3), null, null);

        assertThat(range.periods()).hasSize(3);
        assertThatThrownBy(() -> new AnalyticsRange(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 1), null, null))
                .isInstanceOf(BadArgumentException.class);
    }
}
