package com.loyalty.shared.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses, for every field and every mutation alike, text arguments no field should take: NUL and
 * other control characters (tab, line feed and carriage return pass, each field's own rules decide
 * on them), bidirectional overrides that make a nickname on a leaderboard read backwards, broken
 * UTF-16, text longer than {@code loyalty.graphql.max-text-length}, and an empty or blank ID (which
 * would bind to null). The answer is a BAD_REQUEST
 * error naming the argument (code INVALID_INPUT) before any resolver runs; without this, Postgres
 * rejects a NUL with an error the client sees as INTERNAL_ERROR.
 */
@Component
class TextArgumentGuard extends SimplePerformantInstrumentation {

    private final int maxLength;

    TextArgumentGuard(GraphQlLimitsProperties limits) {
        this.maxLength = limits.maxTextLength();
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        // trivial fetchers (a record's or map's property) take no arguments; checked first, as the
        // execution step info is built only on request, which costs more than most fields
        if (parameters.isTrivialDataFetcher()) {
            return fetcher;
        }
        GraphQLFieldDefinition field = parameters.getEnvironment().getFieldDefinition();
        if (field.getArguments().isEmpty()) {
            return fetcher;
        }
        String problem = null;
        for (Map.Entry<String, Object> argument : parameters.getEnvironment().getArguments().entrySet()) {
            GraphQLArgument definition = field.getArgument(argument.getKey());
            problem = problem(argument.getKey(), argument.getValue(), definition == null ? null : definition.getType());
            if (problem != null) {
                break;
            }
        }
        if (problem == null) {
            return fetcher;
        }
        String message = problem;
        return environment -> {
            throw new BadArgumentException(message);
        };
    }

    /** What is wrong with the value of this type at this path (input.nickname, skus[2]), or null. */
    private String problem(String path, Object value, GraphQLInputType type) {
        GraphQLType named = type == null ? null : GraphQLTypeUtil.unwrapAll(type);
        if (value instanceof CharSequence text) {
            if (named instanceof GraphQLScalarType scalar && scalar.getName().equals("ID") && text.toString().isBlank()) {
                return path + " is an empty id (缺少编号)";
            }
            return textProblem(path, text);
        }
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                GraphQLInputObjectField definition = named instanceof GraphQLInputObjectType input
                        ? input.getField(String.valueOf(field.getKey())) : null;
                String problem = problem(path + "." + field.getKey(), field.getValue(),
                        definition == null ? null : definition.getType());
                if (problem != null) {
                    return problem;
                }
            }
        } else if (value instanceof Collection<?> items) {
            GraphQLInputType item = named instanceof GraphQLInputType inputType ? inputType : null;
            int index = 0;
            for (Object element : items) {
                String problem = problem(path + "[" + index++ + "]", element, item);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private String textProblem(String path, CharSequence text) {
        if (text.length() > maxLength) {
            return path + " is longer than " + maxLength + " characters (内容过长)";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (Character.isISOControl(c)) {
                return path + " contains a control character U+%04X (含有不允许的控制字符)".formatted((int) c);
            }
            if (isBidiControl(c)) {
                return path + " contains a text-direction override U+%04X (含有不允许的文字方向控制符)".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return path + " is not valid Unicode text (文字编码无效)";
            }
        }
        return null;
    }

    /** Embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069). */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
