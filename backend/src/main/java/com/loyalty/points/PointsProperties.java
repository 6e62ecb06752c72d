package com.loyalty.points;

import java.time.DayOfWeek;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The brand's points rules (docs/rules.md explains them to store owners).
 *
 * @param pointsPerYuan     points earned per yuan actually paid
 * @param memberDay         day of the month that is member day
 * @param memberDayFactor   multiplier on member day
 * @param birthdayFactor    multiplier in the member's birthday period
 * @param birthdayPeriod    DAY, WEEK (Monday to Sunday) or MONTH around the birthday
 * @param pointsPerYuanRedeemed points that pay one yuan at the till
 * @param expiryMonths      points expire at the end of this many months after the month earned
 * @param reminderDays      members are reminded this many days before points expire
 */
@ConfigurationProperties("loyalty.points")
public record PointsProperties(
        @DefaultValue("1") long pointsPerYuan,
        @DefaultValue("8") int memberDay,
        @DefaultValue("2") int memberDayFactor,
        @DefaultValue("2") int birthdayFactor,
        @DefaultValue("MONTH") BirthdayPeriod birthdayPeriod,
        @DefaultValue("100") long pointsPerYuanRedeemed,
        @DefaultValue("12") int expiryMonths,
        @DefaultValue("30") int reminderDays) {

    /** How long the birthday bonus lasts. */
    public enum BirthdayPeriod { DAY, WEEK, MONTH }

    static final DayOfWeek WEEK_START = DayOfWeek.MONDAY;
}
