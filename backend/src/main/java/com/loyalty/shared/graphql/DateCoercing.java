package com.loyalty.shared.graphql;

import graphql.GraphQLContext;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.CoercingSerializeException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The {@code Date} scalar: a calendar day as ISO-8601 (2026-11-23). Strict: a day that does not
 * exist (2026-02-30) is refused, where a lenient parser would quietly store 2026-02-28.
 */
public class DateCoercing extends TextScalarCoercing<LocalDate> {

    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);
    private static final String EXPECTED = "Date must be a real day as YYYY-MM-DD between the years 1 and 9999, e.g. 2026-11-23 (日期无效)";

    public DateCoercing() {
        super(EXPECTED);
    }

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof LocalDate day) {
            return ISO_DAY.format(day);
        }
        if (value instanceof TemporalAccessor temporal) {
            try {
                return ISO_DAY.format(LocalDate.from(temporal));
            } catch (DateTimeException e) {
                throw new CoercingSerializeException("Not a date: " + value);
            }
        }
        throw new CoercingSerializeException("Not a date: " + value);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.of(serialize(input, context, locale));
    }

    @Override
    LocalDate parse(String text) {
        try {
            LocalDate day = LocalDate.parse(text, ISO_DAY);
            return day.getYear() < 1 || day.getYear() > 9999 ? null : day;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
