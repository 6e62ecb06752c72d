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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code DateTime} scalar: instants go out as ISO-8601 in the brand's zone
 * (2026-11-23T10:15:30+08:00); any ISO-8601 offset date-time comes in as an {@link Instant}.
 */
public class DateTimeCoercing implements Coercing<Instant, String> {

    private static final String EXPECTED =
            "DateTime must be ISO-8601 with offset between the years 1 and 9999, e.g. 2026-11-23T10:15:30+08:00 (时间无效)";
    private static final Instant EARLIEST = Instant.parse("0001-01-02T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-30T23:59:59Z");

    private final ZoneId zone;

    public DateTimeCoercing(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        Instant instant;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime o) {
            instant = o.toInstant();
        } else if (value instanceof ZonedDateTime z) {
            instant = z.toInstant();
        } else {
            throw new CoercingSerializeException("Not a date-time: " + value);
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }

    @Override
    public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
        Instant instant = input instanceof String text ? parse(text) : null;
        if (instant == null) {
            throw new CoercingParseValueException(EXPECTED);
        }
        return instant;
    }

    @Override
    public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        Instant instant = input instanceof StringValue text ? parse(text.getValue()) : null;
        if (instant == null) {
            throw new CoercingParseLiteralException(EXPECTED);
        }
        return instant;
    }

    /** The instant, or null when the text is not one or lies outside the years 1 to 9999 (PostgreSQL's range is wider, Java's far wider). */
    private static Instant parse(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
