package com.loyalty.recommend;

import com.loyalty.recommend.AprioriMiner.Itemset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Apriori's candidate step: joins frequent itemsets of one size into the next, prunes, and counts them. */
final class Candidates {

    private Candidates() {
    }

    /**
     * Itemsets one larger than those of {@code level} (sorted) whose every subset one smaller is
     * frequent, each with a zero counter.
     */
    static Map<Itemset, int[]> next(List<Itemset> level, Set<Itemset> frequent) {
        Map<Itemset, int[]> candidates = new HashMap<>();
        for (int a = 0; a < level.size(); a++) {
            int[] first = level.get(a).items();
            for (int b = a + 1; b < level.size(); b++) {
                int[] second = level.get(b).items();
                if (!samePrefix(first, second)) {
                    break;
                }
                int[] joined = Arrays.copyOf(first, first.length + 1);
                joined[first.length] = second[second.length - 1];
                Itemset candidate = new Itemset(joined);
                if (frequent.containsAll(candidate.subsetsOneSmaller())) {
                    candidates.put(candidate, new int[1]);
                }
            }
        }
        return candidates;
    }

    /** Adds one to each candidate's counter for every basket that holds all its items. */
    static void count(List<int[]> baskets, Map<Itemset, int[]> candidates, int size) {
        if (candidates.isEmpty()) {
            return;
        }
        int[] combination = new int[size];
        for (int[] basket : baskets) {
            if (basket.length < size) {
                continue;
            }
            if (combinations(basket.length, size) <= candidates.size()) {
                countSubsets(basket, candidates, combination, 0, 0);
            } else {
                for (Map.Entry<Itemset, int[]> c : candidates.entrySet()) {
                    if (containsAll(basket, c.getKey().items())) {
                        c.getValue()[0]++;
                    }
                }
            }
        }
    }

    private static void countSubsets(int[] basket, Map<Itemset, int[]> candidates, int[] combination, int from,
                                     int depth) {
        if (depth == combination.length) {
            int[] counter = candidates.get(new Itemset(combination.clone()));
            if (counter != null) {
                counter[0]++;
            }
            return;
        }
        for (int i = from; i <= basket.length - (combination.length - depth); i++) {
            combination[depth] = basket[i];
            countSubsets(basket, candidates, combination, i + 1, depth + 1);
        }
    }

    /** Both sorted ascending. */
    private static boolean containsAll(int[] basket, int[] items) {
        int i = 0;
        for (int item : items) {
            while (i < basket.length && basket[i] < item) {
                i++;
            }
            if (i == basket.length || basket[i] != item) {
                return false;
            }
        }
        return true;
    }

    private static boolean samePrefix(int[] first, int[] second) {
        for (int i = 0; i < first.length - 1; i++) {
            if (first[i] != second[i]) {
                return false;
            }
        }
        return true;
    }

    /** n choose k, capped at Long.MAX_VALUE / n to stay exact enough for a comparison. */
    private static long combinations(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
            if (result > Long.MAX_VALUE / (n + 1)) {
                return Long.MAX_VALUE;
            }
        }
        return result;
    }
}
