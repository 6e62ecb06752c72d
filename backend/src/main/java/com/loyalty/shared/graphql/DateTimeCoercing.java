package com.loyalty.shared.graphql;

import graphql.GraphQLContext;
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
public class DateTimeCoercing extends TextScalarCoercing<Instant> {

    private static final String EXPECTED =
            "DateTime must be ISO-8601 with offset between the years 1 and 9999, e.g. 2026-11-23T10:15:30+08:00 (时间无效)";
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final ZoneId zone;

    public DateTimeCoercing(ZoneId zone) {
        super(EXPECTED);
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

    /** The instant, or null when the text is not one or lies outside the years 1 to 9999 (PostgreSQL's range is wider, Java's far wider). */
    @Override
    Instant parse(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
