package com.loyalty.recommend;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A rule as people read it: the products on each side with their names, and its three measures. */
public record AssociationRule(List<SkuItem> antecedent, SkuItem consequent, double support, double confidence,
                              double lift) {

    /** The mined rule with the catalogue's names (a SKU missing from it shows as itself). */
    public static AssociationRule of(MinedRule rule, Map<String, SkuItem> products) {
        return new AssociationRule(rule.antecedent().stream().map(sku -> item(sku, products)).toList(),
                item(rule.consequent(), products), rule.support(), rule.confidence(), rule.lift());
    }

    /** E.g. {@code 生日蛋糕 → 蜡烛}, or {@code 生日蛋糕 + 生日帽 → 蜡烛}. */
    public String text() {
        return names(" + ") + " → " + consequent.name();
    }

    /** The antecedent's names joined, e.g. {@code 生日蛋糕、生日帽}. */
    public String names(String separator) {
        return antecedent.stream().map(SkuItem::name).collect(Collectors.joining(separator));
    }

    private static SkuItem item(String sku, Map<String, SkuItem> products) {
        SkuItem known = products.get(sku);
        return known != null ? known : SkuItem.unknown(sku);
    }
}
