package com.loyalty.bulk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading cells as the old systems write them: dates in the usual Chinese forms, yuan with ¥ and commas. */
final class Cells {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private Cells() {
    }

    /** A date and maybe a time (2024-03-01, 2024/3/1 12:30, 2024年3月1日, 20240301); null when it is none. */
    static LocalDateTime dateTime(String text) {
        try {
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return day.atTime(time);
            }
            Matcher c = COMPACT.matcher(text);
            if (c.matches()) {
                return LocalDate.parse(text, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Yuan as cents (¥1,234.5 is 123450); null when it is not an amount with at most 2 decimals. */
    static Long cents(String text) {
        String plain = text.replace("¥", "").replace("￥", "").replace(",", "").replace("元", "").strip();
        try {
            BigDecimal yuan = new BigDecimal(plain);
            if (yuan.scale() > 2 || yuan.abs().compareTo(new BigDecimal("100000000")) > 0) {
                return null;
            }
            return yuan.movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** A whole number (1,000 and 1000.0 allowed); null when it is not one or is absurdly large. */
    static Long whole(String text) {
        String plain = text.replace(",", "").strip();
        try {
            BigDecimal n = new BigDecimal(plain);
            if (n.abs().compareTo(new BigDecimal("1000000000000")) > 0) {
                return null;
            }
            return n.stripTrailingZeros().scale() > 0 ? null : n.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** True when the text has a control character (other than none at all). */
    static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Character::isISOControl);
    }
}
