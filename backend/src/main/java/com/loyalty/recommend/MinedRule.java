package com.loyalty.recommend;

import java.util.List;

/**
 * An association rule {@code antecedent -> consequent} with the basket counts it was mined from:
 * baskets holding every SKU of both sides, of the antecedent, of the consequent, and all baskets.
 */
public record MinedRule(List<String> antecedent, String consequent, int supportCount, int antecedentCount,
                        int consequentCount, int baskets) {

    public MinedRule {
        antecedent = List.copyOf(antecedent);
    }

    /** Share of all baskets that hold both sides. */
    public double support() {
        return (double) supportCount / baskets;
    }

    /** Share of the baskets with the antecedent that also hold the consequent. */
    public double confidence() {
        return (double) supportCount / antecedentCount;
    }

    /** Confidence over the consequent's own share of baskets: above 1, the antecedent makes it likelier. */
    public double lift() {
        return (double) supportCount * baskets / ((double) antecedentCount * consequentCount);
    }

    /** How strongly the rule recommends its consequent: confidence x lift. */
    public double score() {
        return confidence() * lift();
    }
}
