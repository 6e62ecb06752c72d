package com.loyalty.shared.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import java.util.Locale;

/**
 * A scalar written as a string (Date, DateTime): a variable or a literal is parsed by
 * {@link #parse}, and text it refuses is answered with {@link #expected} (a validation error).
 */
abstract class TextScalarCoercing<T> implements Coercing<T, String> {

    private final String expected;

    TextScalarCoercing(String expected) {
        this.expected = expected;
    }

    /** The value the text stands for, or null when it stands for none. */
    abstract T parse(String text);

    @Override
    public T parseValue(Object input, GraphQLContext context, Locale locale) {
        T value = input instanceof String text ? parse(text) : null;
        if (value == null) {
            throw new CoercingParseValueException(expected);
        }
        return value;
    }

    @Override
    public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        T value = input instanceof StringValue text ? parse(text.getValue()) : null;
        if (value == null) {
            throw new CoercingParseLiteralException(expected);
        }
        return value;
    }
}
