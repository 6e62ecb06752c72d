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
        if (input instanceof String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                throw new CoercingParseValueException("DateTime must be ISO-8601 with offset, e.g. 2026-11-23T10:15:30+08:00");
            }
        }
        throw new CoercingParseValueException("DateTime must be a string");
    }

    @Override
    public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        if (input instanceof StringValue text) {
            try {
                return OffsetDateTime.parse(text.getValue()).toInstant();
            } catch (DateTimeException e) {
                throw new CoercingParseLiteralException("DateTime must be ISO-8601 with offset, e.g. 2026-11-23T10:15:30+08:00");
            }
        }
        throw new CoercingParseLiteralException("DateTime must be a string");
    }
}
