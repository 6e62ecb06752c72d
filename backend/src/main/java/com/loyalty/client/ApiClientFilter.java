package com.loyalty.client;

/** Narrows the list of API clients; a null field does not narrow it. */
public record ApiClientFilter(ApiClientStatus status, ApiClientKind kind) {

    static final ApiClientFilter ALL = new ApiClientFilter(null, null);
}
