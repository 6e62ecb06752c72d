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

    public UserError error() {
        return error;
    }
}
