package com.loyalty.recommend;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The brand's rules as people read them: what goes with a product, and the strongest rules of the last run. */
@Service
public class RuleQueries {

    static final int DEFAULT_RULES = 10;
    static final int MAX_RULES = 100;

    private final RuleReadRepository reads;

    public RuleQueries(RuleReadRepository reads) {
        this.reads = reads;
    }

    /** Rules {@code {sku} -> y} of the brand, the most confident first. */
    public Mono<List<AssociationRule>> boughtTogether(long brandId, String sku, Integer first) {
        int size = size(first);
        if (sku == null || sku.isBlank() || size == 0) {
            return Mono.just(List.of());
        }
        return named(brandId, reads.from(brandId, sku.strip(), size).collectList());
    }

    /** The brand's last run; empty before the first. */
    public Mono<RuleSet> lastRun(long brandId) {
        return reads.run(brandId);
    }

    /** The strongest rules of the run (confidence x lift). */
    public Mono<List<AssociationRule>> strongest(RuleSet run, Integer first) {
        int size = size(first);
        return size == 0 ? Mono.just(List.of()) : named(run.brandId(), reads.strongest(run.brandId(), size).collectList());
    }

    private Mono<List<AssociationRule>> named(long brandId, Mono<List<MinedRule>> rules) {
        return rules.flatMap(list -> {
            Set<String> skus = new LinkedHashSet<>();
            list.forEach(rule -> {
                skus.addAll(rule.antecedent());
                skus.add(rule.consequent());
            });
            return reads.products(brandId, skus)
                    .map(products -> list.stream().map(rule -> AssociationRule.of(rule, products)).toList());
        });
    }

    private static int size(Integer first) {
        return Math.max(0, Math.min(first == null ? DEFAULT_RULES : first, MAX_RULES));
    }
}
