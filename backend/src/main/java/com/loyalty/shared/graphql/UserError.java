package com.loyalty.shared.graphql;

import java.util.List;

/** A business failure returned inside a mutation payload; {@code message} is shown to people. */
public record UserError(List<String> field, String message, ErrorCode code) {

    /** An error about the request as a whole. */
    public static UserError of(ErrorCode code, String message) {
        return new UserError(List.of(), message, code);
    }

    /** An error about one field of the mutation's {@code input}. */
    public static UserError onInput(String inputField, ErrorCode code, String message) {
        return new UserError(List.of("input", inputField), message, code);
    }
}
