package com.loyalty.client;

/** GraphQL input naming one API client, for rotating its secret or revoking it, with an optional reason. */
public record ApiClientIdInput(Long id, String reason) {
}
