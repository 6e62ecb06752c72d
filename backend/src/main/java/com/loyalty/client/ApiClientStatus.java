package com.loyalty.client;

/** A client is ACTIVE until an admin revokes it; a revoked client stays listed, and stays revoked. */
public enum ApiClientStatus {
    ACTIVE,
    REVOKED
}
