package com.loyalty.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Apriori: counts frequent itemsets level by level (an itemset can only be frequent if all its
 * subsets are), then keeps every rule {@code X -> y} (one SKU on the right) that clears the
 * thresholds. Baskets are sets of SKUs; duplicates in a basket count once.
 */
public final class AprioriMiner {

    private static final double EPSILON = 1e-9;

    /** Strongest first: confidence x lift, then support, then shorter antecedents, then by SKU. */
    static final Comparator<MinedRule> STRONGEST_FIRST = Comparator.comparingDouble(MinedRule::score).reversed()
            .thenComparing(Comparator.comparingInt(MinedRule::supportCount).reversed())
            .thenComparingInt(r -> r.antecedent().size())
            .thenComparing(r -> String.join(",", r.antecedent()))
            .thenComparing(MinedRule::consequent);

    /** Every rule over the thresholds, strongest first. */
    public List<MinedRule> mine(Collection<? extends Collection<String>> baskets, MiningThresholds thresholds) {
        int total = baskets.size();
        if (total == 0) {
            return List.of();
        }
        int minCount = Math.max(1, (int) Math.ceil(thresholds.minSupport() * total - EPSILON));
        String[] items = frequentItems(baskets, minCount);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items.length; i++) {
            index.put(items[i], i);
        }
        List<int[]> encoded = encode(baskets, index);
        Map<Itemset, Integer> frequent = new HashMap<>();
        List<Itemset> level = new ArrayList<>();
        for (int[] basket : encoded) {
            for (int item : basket) {
                frequent.merge(new Itemset(new int[] {item}), 1, Integer::sum);
            }
        }
        frequent.keySet().stream().sorted().forEach(level::add);
        for (int size = 2; size <= thresholds.maxItemsetSize() && level.size() >= 2; size++) {
            Map<Itemset, int[]> candidates = Candidates.next(level, frequent.keySet());
            Candidates.count(encoded, candidates, size);
            level = new ArrayList<>();
            for (Map.Entry<Itemset, int[]> c : new TreeMap<>(candidates).entrySet()) {
                if (c.getValue()[0] >= minCount) {
                    frequent.put(c.getKey(), c.getValue()[0]);
                    level.add(c.getKey());
                }
            }
        }
        return rules(frequent, items, total, thresholds.minConfidence());
    }

    private static String[] frequentItems(Collection<? extends Collection<String>> baskets, int minCount) {
        Map<String, Integer> counts = new HashMap<>();
        for (Collection<String> basket : baskets) {
            for (String sku : new LinkedHashSet<>(basket)) {
                counts.merge(sku, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= minCount).map(Map.Entry::getKey).sorted()
                .toArray(String[]::new);
    }

    /** Each basket as the sorted indexes of its frequent SKUs; baskets without any are left out. */
    private static List<int[]> encode(Collection<? extends Collection<String>> baskets, Map<String, Integer> index) {
        List<int[]> encoded = new ArrayList<>(baskets.size());
        for (Collection<String> basket : baskets) {
            int[] ids = basket.stream().map(index::get).filter(i -> i != null).mapToInt(Integer::intValue)
                    .distinct().sorted().toArray();
            if (ids.length > 0) {
                encoded.add(ids);
            }
        }
        return encoded;
    }

    private static List<MinedRule> rules(Map<Itemset, Integer> frequent, String[] items, int total,
                                         double minConfidence) {
        List<MinedRule> rules = new ArrayList<>();
        for (Map.Entry<Itemset, Integer> entry : frequent.entrySet()) {
            int[] set = entry.getKey().items();
            if (set.length < 2) {
                continue;
            }
            int both = entry.getValue();
            for (int drop = 0; drop < set.length; drop++) {
                int[] left = new int[set.length - 1];
                for (int i = 0, j = 0; i < set.length; i++) {
                    if (i != drop) {
                        left[j++] = set[i];
                    }
                }
                int leftCount = frequent.get(new Itemset(left));
                if (both < minConfidence * leftCount - EPSILON) {
                    continue;
                }
                int rightCount = frequent.get(new Itemset(new int[] {set[drop]}));
                List<String> antecedent = Arrays.stream(left).mapToObj(i -> items[i]).toList();
                rules.add(new MinedRule(antecedent, items[set[drop]], both, leftCount, rightCount, total));
            }
        }
        rules.sort(STRONGEST_FIRST);
        return rules;
    }

    /** A set of item indexes, sorted ascending; ordered lexicographically. */
    record Itemset(int[] items) implements Comparable<Itemset> {

        @Override
        public boolean equals(Object other) {
            return other instanceof Itemset o && Arrays.equals(items, o.items);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(items);
        }

        @Override
        public int compareTo(Itemset other) {
            return Arrays.compare(items, other.items);
        }

        @Override
        public String toString() {
            return Arrays.toString(items);
        }

        Set<Itemset> subsetsOneSmaller() {
            Set<Itemset> subsets = new LinkedHashSet<>();
            for (int drop = 0; drop < items.length; drop++) {
                int[] sub = new int[items.length - 1];
                for (int i = 0, j = 0; i < items.length; i++) {
                    if (i != drop) {
                        sub[j++] = items[i];
                    }
                }
                subsets.add(new Itemset(sub));
            }
            return subsets;
        }
    }
}
