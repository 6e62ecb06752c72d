package com.loyalty.shared.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import reactor.core.publisher.Mono;

/**
 * A malformed argument becomes a BAD_REQUEST error with code INVALID_INPUT and a message naming
 * it: one a resolver or an input's constructor refused ({@link BadArgumentException}), and one
 * that could not be bound at all, such as an ID that is not a number or is beyond a Long
 * ({@code member(id: "abc")}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BadArgumentResolver implements DataFetcherExceptionResolver {

    private static final int SHOWN_VALUE_LENGTH = 40;

    @Override
    public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment env) {
        String message = message(ex, env);
        if (message == null) {
            return Mono.empty();
        }
        return Mono.just(List.of(GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                .message(message).extensions(Map.of("code", ErrorCode.INVALID_INPUT.name())).build()));
    }

    /** The message for a malformed argument, also when an input's constructor threw it while binding (the cause). */
    private static String message(Throwable ex, DataFetchingEnvironment env) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BadArgumentException) {
                return t.getMessage();
            }
            if (t instanceof BindException bind && bind.hasFieldErrors()) {
                return bind.getFieldErrors().stream().map(error -> describe(error, env)).collect(Collectors.joining("; "));
            }
        }
        return null;
    }

    private static String describe(FieldError error, DataFetchingEnvironment env) {
        String value = String.valueOf(error.getRejectedValue());
        if (value.length() > SHOWN_VALUE_LENGTH) {
            value = value.substring(0, SHOWN_VALUE_LENGTH) + "…";
        }
        return "%s: '%s' is not a valid value%s (参数格式不正确)".formatted(argument(error, env), value, expected(error));
    }

    /** The argument's path; binding names a top-level argument "$", so find it by its value. */
    private static String argument(FieldError error, DataFetchingEnvironment env) {
        String field = error.getField();
        if (!field.equals("$")) {
            return field.startsWith("$.") ? field.substring(2) : field;
        }
        return env.getArguments().entrySet().stream()
                .filter(argument -> Objects.equals(argument.getValue(), error.getRejectedValue()))
                .map(Map.Entry::getKey).findFirst().orElse("argument");
    }

    private static String expected(FieldError error) {
        String[] codes = error.getCodes();
        String code = codes == null ? "" : String.join(",", codes);
        if (code.contains("typeMismatch.long") || code.contains("typeMismatch.java.lang.Long")
                || code.contains("typeMismatch.int") || code.contains("typeMismatch.java.lang.Integer")) {
            return ": expected a whole number";
        }
        return "";
    }
}
