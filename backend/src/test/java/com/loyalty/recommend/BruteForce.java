package com.loyalty.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Rules by brute force: counts every subset of every basket, then checks each rule's thresholds. */
final class BruteForce {

    private BruteForce() {
    }

    /** Rules as "A+B -> C both/left/right". */
    static Set<String> rules(List<List<String>> baskets, MiningThresholds t) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (List<String> basket : baskets) {
            List<String> items = new ArrayList<>(new TreeSet<>(basket));
            for (int mask = 1; mask < (1 << items.size()); mask++) {
                if (Integer.bitCount(mask) > t.maxItemsetSize()) {
                    continue;
                }
                List<String> subset = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(items.get(i));
                    }
                }
                counts.merge(subset, 1, Integer::sum);
            }
        }
        Set<String> rules = new HashSet<>();
        int total = baskets.size();
        counts.forEach((set, both) -> {
            if (set.size() < 2 || both < t.minSupport() * total - 1e-9) {
                return;
            }
            for (String right : set) {
                List<String> left = new ArrayList<>(set);
                left.remove(right);
                int leftCount = counts.get(left);
                if (both >= t.minConfidence() * leftCount - 1e-9) {
                    rules.add(String.join("+", left) + " -> " + right + " " + both + "/" + leftCount + "/"
                            + counts.get(List.of(right)));
                }
            }
        });
        return rules;
    }
}
