package com.loyalty.shared.graphql;

/** A malformed argument (a cursor, a month): reported as a BAD_REQUEST GraphQL error. */
public class BadArgumentException extends RuntimeException {

    public BadArgumentException(String message) {
        super(message, null, false, false);
    }
}
