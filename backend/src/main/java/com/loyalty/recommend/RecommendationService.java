package com.loyalty.recommend;

import com.loyalty.member.Member;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Recommends products to a member: the strongest rule for each product that their recent baskets
 * lead to (not what they just bought, not out of stock at the store), then the store's best
 * sellers to fill up (the only source for members without history).
 */
@Service
public class RecommendationService {

    static final int DEFAULT_SIZE = 5;
    static final int MAX_SIZE = 20;

    private final BasketRepository baskets;
    private final RuleReadRepository reads;
    private final StockRepository stock;
    private final RecommendProperties rules;
    private final Clock clock;

    public RecommendationService(BasketRepository baskets, RuleReadRepository reads, StockRepository stock,
                                 RecommendProperties rules, Clock clock) {
        this.baskets = baskets;
        this.reads = reads;
        this.stock = stock;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Up to {@code first} recommendations for the member, seen by the member themselves or by
     * staff of the member's brand (FORBIDDEN for anyone else).
     */
    public Mono<List<Recommendation>> forMember(Viewer viewer, Member member, Integer first) {
        boolean self = viewer != null && viewer.role() == Role.MEMBER && viewer.id() == member.id();
        boolean staff = viewer != null && viewer.role().isStaff() && viewer.brandId() == member.brandId();
        if (!self && !staff) {
            return Mono.error(new AccessDeniedException("only the member and staff of their brand see recommendations"));
        }
        int size = size(first);
        if (size == 0) {
            return Mono.just(List.of());
        }
        Instant now = clock.instant();
        Mono<MemberHistory> history = baskets.ofMember(member.id(), now.minus(Duration.ofDays(rules.historyDays())),
                        rules.historyOrders()).collectList()
                .map(newestFirst -> MemberHistory.of(newestFirst, now.minus(Duration.ofDays(rules.justBoughtDays()))));
        return Mono.zip(storeFor(viewer, member), history, Shopper::new)
                .flatMap(shopper -> recommend(member.brandId(), shopper.storeId().orElse(null), shopper.history(),
                        size));
    }

    /**
     * Whom recommendations are for: the store whose stock and best sellers count (none: the brand's
     * best sellers, no stock filter), and what the member bought.
     */
    private record Shopper(Optional<Long> storeId, MemberHistory history) {
    }

    /** What may be recommended: the rules matching what the member bought, strongest first, and the best sellers. */
    private record Candidates(List<MinedRule> rules, List<String> bestsellers) {

        /** Every product the candidates name, in their order. */
        Set<String> skus() {
            Set<String> skus = new LinkedHashSet<>();
            rules.forEach(rule -> {
                skus.add(rule.consequent());
                skus.addAll(rule.antecedent());
            });
            skus.addAll(bestsellers);
            return skus;
        }
    }

    /**
     * The store whose stock and best sellers count: a clerk's or manager's own; for the member and
     * an admin, the store of the member's last purchase, else where they registered (none: no
     * stock filter, the brand's best sellers).
     */
    private Mono<Optional<Long>> storeFor(Viewer viewer, Member member) {
        if (viewer.role().isStaff() && viewer.storeId() != null) {
            return Mono.just(Optional.of(viewer.storeId()));
        }
        return baskets.lastStore(member.id()).map(Optional::of)
                .defaultIfEmpty(Optional.ofNullable(member.registrationStoreId()));
    }

    private Mono<List<Recommendation>> recommend(long brandId, Long storeId, MemberHistory history, int size) {
        Mono<List<MinedRule>> matching = history.bought().isEmpty() ? Mono.just(List.of())
                : reads.within(brandId, history.bought()).collectList().map(history::strongestPerProduct);
        return Mono.zip(matching, reads.bestsellers(brandId, storeId).collectList(), Candidates::new)
                .flatMap(candidates -> {
                    Set<String> skus = candidates.skus();
                    Mono<Set<String>> outOfStock = storeId == null ? Mono.just(Set.of())
                            : stock.outOfStockAmong(storeId, skus);
                    return Mono.zip(outOfStock, reads.products(brandId, skus), (unavailable, products) -> assemble(
                            candidates.rules(), candidates.bestsellers(), history, unavailable, products, size));
                });
    }

    private static List<Recommendation> assemble(List<MinedRule> ranked, List<String> bestsellers,
                                                 MemberHistory history, Set<String> outOfStock,
                                                 Map<String, SkuItem> products, int size) {
        List<Recommendation> list = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (MinedRule rule : ranked) {
            if (list.size() < size && !outOfStock.contains(rule.consequent()) && listed.add(rule.consequent())) {
                list.add(Recommendation.boughtTogether(AssociationRule.of(rule, products)));
            }
        }
        for (String sku : bestsellers) {
            if (list.size() < size && !outOfStock.contains(sku) && !history.justBought().contains(sku)
                    && listed.add(sku)) {
                list.add(Recommendation.bestseller(products.getOrDefault(sku, SkuItem.unknown(sku))));
            }
        }
        return list;
    }

    static int size(Integer first) {
        return Math.max(0, Math.min(first == null ? DEFAULT_SIZE : first, MAX_SIZE));
    }
}
