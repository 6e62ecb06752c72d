package com.loyalty.support;

import static java.util.stream.Collectors.joining;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Map;

/**
 * Calls of root fields written from the schema, for sweeps over every field: required arguments
 * get a plain value of their type ("0" for ids, so nothing is found and nothing changes) unless
 * {@link Values} names one; an object result asks for {@code __typename}.
 */
public final class SchemaCalls {

    /** Values chosen by name, whether the argument or input field is required or not; null: none. */
    @FunctionalInterface
    public interface Values {

        Values NONE = name -> null;

        String literalFor(String argumentOrInputField);
    }

    private SchemaCalls() {
    }

    /** The field with its required arguments (and those {@code values} names) and, for an object, {@code { __typename }}. */
    public static String call(GraphQLFieldDefinition field, Values values) {
        return field.getName() + arguments(field, values) + selection(field);
    }

    /** {@code { __typename }} for an object result, nothing for a scalar or enum. */
    public static String selection(GraphQLFieldDefinition field) {
        GraphQLType result = GraphQLTypeUtil.unwrapAll(field.getType());
        return result instanceof GraphQLScalarType || result instanceof GraphQLEnumType ? "" : " { __typename }";
    }

    /** {@code (name: value, ...)}, or nothing. */
    public static String arguments(GraphQLFieldDefinition field, Values values) {
        String args = field.getArguments().stream()
                .filter(a -> values.literalFor(a.getName()) != null
                        || GraphQLTypeUtil.isNonNull(a.getType()) && !a.hasSetDefaultValue()
                        || mentions(a.getType(), values, 0))
                .map(a -> a.getName() + ": " + value(a.getName(), a.getType(), values)).collect(joining(", "));
        return args.isEmpty() ? "" : "(" + args + ")";
    }

    /** Whether the input type holds a field {@code values} names (so an optional input is sent for it). */
    private static boolean mentions(GraphQLInputType type, Values values, int depth) {
        if (depth > 3 || !(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLInputObjectType object)) {
            return false;
        }
        return object.getFieldDefinitions().stream().anyMatch(f -> values.literalFor(f.getName()) != null
                || mentions(f.getType(), values, depth + 1));
    }

    private static String value(String name, GraphQLInputType type, Values values) {
        String chosen = values.literalFor(name);
        if (chosen != null) {
            return GraphQLTypeUtil.unwrapNonNull(type) instanceof GraphQLList && !chosen.startsWith("[")
                    ? "[" + chosen + "]" : chosen;
        }
        return literal(type, values);
    }

    private static String literal(GraphQLInputType type, Values values) {
        if (type instanceof GraphQLNonNull nonNull) {
            return literal((GraphQLInputType) nonNull.getWrappedType(), values);
        }
        if (type instanceof GraphQLList list) {
            return "[" + literal((GraphQLInputType) list.getWrappedType(), values) + "]";
        }
        if (type instanceof GraphQLEnumType e) {
            return e.getValues().get(0).getName();
        }
        if (type instanceof GraphQLInputObjectType object) {
            return object.getFieldDefinitions().stream()
                    .filter(f -> values.literalFor(f.getName()) != null
                            || GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue())
                    .map(f -> f.getName() + ": " + value(f.getName(), f.getType(), values))
                    .collect(joining(", ", "{", "}"));
        }
        return SCALARS.getOrDefault(((GraphQLScalarType) type).getName(), "\"x\"");
    }

    private static final Map<String, String> SCALARS = Map.of("ID", "\"0\"", "Int", "1", "Long", "1", "Float", "1.0",
            "Boolean", "false", "Date", "\"2026-01-01\"", "DateTime", "\"2026-01-01T10:00:00+08:00\"");
}
