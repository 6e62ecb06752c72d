package com.loyalty.recommend;

/** A product as the brand sells it: SKU, name and category (the latest seen on a purchase line). */
public record SkuItem(String sku, String name, String category) {

    /** A SKU missing from the catalogue shows as itself. */
    public static SkuItem unknown(String sku) {
        return new SkuItem(sku, sku, null);
    }
}
