package com.loyalty.shared.graphql;

/** Thrown by services for a business failure that a payload reports as a {@link UserError}. */
public class BusinessException extends RuntimeException {

    private final transient UserError error;

    public BusinessException(UserError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public BusinessException(ErrorCode code, String message) {
        this(UserError.of(code, message));
    }

    /** INVALID_INPUT on one field of the mutation's input. */
    public static BusinessException invalid(String inputField, String message) {
        return new BusinessException(UserError.onInput(inputField, ErrorCode.INVALID_INPUT, message));
    }

    public UserError error() {
        return error;
    }
}
