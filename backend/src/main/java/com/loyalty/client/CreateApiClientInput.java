package com.loyalty.client;

import java.util.List;

/** GraphQL input of {@code createApiClient}: no store ids means every store of the brand. */
public record CreateApiClientInput(String name, ApiClientKind kind, List<String> scopes, List<Long> storeIds) {
}
