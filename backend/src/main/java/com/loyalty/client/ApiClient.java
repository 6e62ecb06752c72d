package com.loyalty.client;

import java.util.Set;

/**
 * A machine client of a brand (a POS, the online shop, the ERP) as other modules see it: what it
 * may do ({@code scopes}, e.g. {@code purchases:write}) and for which stores ({@code storeIds}; empty
 * means every store of the brand). A revoked client is not {@code active}.
 */
public record ApiClient(long id, long brandId, String name, ApiClientKind kind, Set<String> scopes,
        Set<Long> storeIds, boolean active) {

    /** Whether the client acts for the store: it lists the store, or lists none (brand-wide). */
    public boolean actsFor(long storeId) {
        return storeIds.isEmpty() || storeIds.contains(storeId);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
