package com.loyalty.client;

import java.util.List;

/** GraphQL input of {@code updateApiClient}: a field left out stays as it is; {@code storeIds: []} means every store. */
public record UpdateApiClientInput(Long id, String name, List<String> scopes, List<Long> storeIds) {
}
