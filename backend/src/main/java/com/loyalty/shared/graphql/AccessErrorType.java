package com.loyalty.shared.graphql;

import graphql.ErrorClassification;

/** GraphQL error classifications for access failures ({@code extensions.classification}). */
public enum AccessErrorType implements ErrorClassification {
    /** No valid access token: sign in or refresh. */
    UNAUTHENTICATED,
    /** Signed in, but this role or store may not do it. */
    FORBIDDEN
}
