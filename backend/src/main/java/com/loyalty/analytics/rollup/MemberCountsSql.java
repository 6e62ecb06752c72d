package com.loyalty.analytics.rollup;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.Granularity;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The statement counting distinct members per period from member-day rows (rolled-up and live)
 * and, for whole months read from the month rollup, member-month rows: a period's members are
 * grouped across all its rows, so the counts stay exact (repeat buyers: 2+ orders summed over it).
 */
final class MemberCountsSql {

    /** The columns of a member's activity rows, day rows and month rows alike. */
    static final String COLUMNS = "day, member_id, orders, checked_in, points_spent";

    private MemberCountsSql() {
    }

    /** Months (first days) of which every day is among the rolled-up days. */
    static List<LocalDate> wholeMonths(DaySplit days) {
        Map<YearMonth, Long> rolled = days.rolledUp().stream()
                .collect(Collectors.groupingBy(YearMonth::from, TreeMap::new, Collectors.counting()));
        List<LocalDate> whole = new ArrayList<>();
        rolled.forEach((month, n) -> {
            if (n == month.lengthOfMonth()) {
                whole.add(month.atDay(1));
            }
        });
        return whole;
    }

    /** The days left to read day by day once the given months are read from the month rollup. */
    static DaySplit without(DaySplit days, List<LocalDate> months) {
        return new DaySplit(days.rolledUp().stream().filter(d -> !months.contains(d.withDayOfMonth(1))).toList(),
                days.live());
    }

    /**
     * Counts per period of the granularity (null: the whole range) over the day rows (null: none)
     * and, if {@code months}, the month rows of {@code :months}; null when there are no rows.
     */
    static String counts(AnalyticsScope scope, String dayRows, boolean months, Granularity granularity) {
        String key = granularity == null ? "null::date" : granularity == Granularity.DAY ? "day"
                : "date_trunc('" + granularity.name().toLowerCase() + "', day::timestamp)::date";
        String monthRows = months ? "select month as day, member_id, orders, checked_in, points_spent"
                + " from analytics_member_month where brand_id = :b and month = any(:months) and "
                + (scope.wholeBrand() ? "all_stores" : "not all_stores and store_id = :s") : null;
        List<String> perMember = new ArrayList<>();
        if (granularity == Granularity.MONTH) {
            // a month row is already the member's whole period: no grouping needed
            add(perMember, grouped(key, dayRows));
            add(perMember, monthRows == null ? null : "select day as period, member_id, orders, checked_in,"
                    + " points_spent as spent from (" + monthRows + ") m");
        } else {
            List<String> rows = new ArrayList<>();
            add(rows, dayRows);
            add(rows, monthRows);
            add(perMember, grouped(key, rows.isEmpty() ? null : String.join(" union all ", rows)));
        }
        return perMember.isEmpty() ? null : "select period, count(*) as active,"
                + " count(*) filter (where orders >= 1) as buyers, count(*) filter (where orders >= 2) as repeat_buyers,"
                + " count(*) filter (where checked_in) as checkin_members, count(*) filter (where spent > 0) as spenders"
                + " from (" + String.join(" union all ", perMember) + ") per_member group by period";
    }

    private static String grouped(String key, String rows) {
        return rows == null ? null : "select " + key + " as period, member_id, sum(orders) as orders,"
                + " bool_or(checked_in) as checked_in, sum(points_spent) as spent from (" + rows + ") activity"
                + " group by 1, 2";
    }

    private static void add(List<String> parts, String part) {
        if (part != null) {
            parts.add(part);
        }
    }
}
