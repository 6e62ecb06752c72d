package com.loyalty.recommend;

/**
 * A product suggested to a member, with the reason shown to them: bought together with something
 * they bought (with the rule and its score, confidence x lift), or a best seller of the store.
 */
public record Recommendation(String sku, String name, String category, String reason, Source source, Double score,
                             AssociationRule rule) {

    /** Where a recommendation comes from. */
    public enum Source { BOUGHT_TOGETHER, BESTSELLER }

    static Recommendation boughtTogether(AssociationRule rule) {
        SkuItem item = rule.consequent();
        return new Recommendation(item.sku(), item.name(), item.category(), "常与" + rule.names("、") + "一起购买",
                Source.BOUGHT_TOGETHER, rule.confidence() * rule.lift(), rule);
    }

    static Recommendation bestseller(SkuItem item) {
        return new Recommendation(item.sku(), item.name(), item.category(), "本店热销", Source.BESTSELLER, null, null);
    }
}
