package com.loyalty.shared.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
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
public class DateCoercing implements Coercing<LocalDate, String> {

    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);
    private static final String EXPECTED = "Date must be a real day as YYYY-MM-DD between the years 1 and 9999, e.g. 2026-11-23 (日期无效)";

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
    public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
        LocalDate day = input instanceof String text ? parse(text) : null;
        if (day == null) {
            throw new CoercingParseValueException(EXPECTED);
        }
        return day;
    }

    @Override
    public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        LocalDate day = input instanceof StringValue text ? parse(text.getValue()) : null;
        if (day == null) {
            throw new CoercingParseLiteralException(EXPECTED);
        }
        return day;
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.of(serialize(input, context, locale));
    }

    private static LocalDate parse(String text) {
        try {
            LocalDate day = LocalDate.parse(text, ISO_DAY);
            return day.getYear() < 1 || day.getYear() > 9999 ? null : day;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
