package com.loyalty.client;

/** What a machine client is: a store's till system, the online shop, or the back office (ERP). */
public enum ApiClientKind {
    POS,
    SHOP,
    ERP
}
