package com.loyalty.recommend;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a member's recent baskets (newest first) say: every SKU they bought (what rules start
 * from) and what they just bought (their last order and the last few days: not recommended).
 */
record MemberHistory(Set<String> bought, Set<String> justBought) {

    static MemberHistory of(List<BasketRepository.MemberBasket> newestFirst, Instant justBoughtSince) {
        Set<String> bought = new LinkedHashSet<>();
        Set<String> just = new LinkedHashSet<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            BasketRepository.MemberBasket basket = newestFirst.get(i);
            bought.addAll(basket.skus());
            if (i == 0 || !basket.occurredAt().isBefore(justBoughtSince)) {
                just.addAll(basket.skus());
            }
        }
        return new MemberHistory(Set.copyOf(bought), Set.copyOf(just));
    }

    /**
     * For each SKU the rules recommend and the member did not just buy, the strongest rule
     * (confidence x lift); strongest first.
     */
    List<MinedRule> strongestPerProduct(List<MinedRule> matching) {
        Map<String, MinedRule> best = new LinkedHashMap<>();
        for (MinedRule rule : matching) {
            if (justBought.contains(rule.consequent()) || !bought.containsAll(rule.antecedent())) {
                continue;
            }
            best.merge(rule.consequent(), rule, (a, b) -> AprioriMiner.STRONGEST_FIRST.compare(a, b) <= 0 ? a : b);
        }
        return best.values().stream().sorted(AprioriMiner.STRONGEST_FIRST).toList();
    }
}
