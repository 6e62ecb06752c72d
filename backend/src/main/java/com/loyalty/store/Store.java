package com.loyalty.store;

import java.time.Instant;

/**
 * A store of the brand; {@code closedAt} and {@code closeReason} are set while it is CLOSED.
 */
public record Store(long id, long brandId, String name, String address, String phone, StoreStatus status,
                    Instant closedAt, String closeReason) {

    public boolean open() {
        return status == StoreStatus.OPEN;
    }
}
