package com.loyalty.store;

/** Whether a store trades: a CLOSED one records nothing new at its till and takes in no staff. */
public enum StoreStatus {
    OPEN,
    CLOSED
}
