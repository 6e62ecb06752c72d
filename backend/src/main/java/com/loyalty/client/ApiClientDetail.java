package com.loyalty.client;

import java.time.Instant;
import java.util.List;

/**
 * A machine client as an admin manages it: what it may do, for which stores (none: every store of
 * the brand), when it last obtained an access token, and until when its previous secret still works
 * after a rotation (null when none does).
 */
public record ApiClientDetail(long id, long brandId, String name, ApiClientKind kind, ApiClientStatus status,
                              List<String> scopes, List<Long> storeIds, Instant createdAt, Instant updatedAt,
                              Instant lastUsedAt, Instant revokedAt, Instant previousSecretExpiresAt) {
}
