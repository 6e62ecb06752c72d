package com.loyalty.bulk;

/** What a file holds: members (with their balances) or order history. */
public enum BulkKind {
    MEMBERS,
    ORDERS
}
