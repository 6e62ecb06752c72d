package com.loyalty.recommend;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads a brand's saved rules, catalogue, best sellers and last run. */
@Repository
class RuleReadRepository {

    private static final String RULES = """
            select r.*, run.baskets from recommend_rule r join recommend_run run using (brand_id)
            where r.brand_id = :b
            """;

    private final DatabaseClient db;

    RuleReadRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Every brand, in id order. */
    public Flux<Long> brandIds() {
        return db.sql("select id from brand order by id").map(row -> row.get("id", Long.class)).all();
    }

    /** The brand's last run with its rule count; empty before the first. */
    public Mono<RuleSet> run(long brandId) {
        return db.sql("""
                        select run.*, (select count(*) from recommend_rule r where r.brand_id = run.brand_id) as rules
                        from recommend_run run where brand_id = :b
                        """)
                .bind("b", brandId)
                .map(row -> new RuleSet(brandId, row.get("as_of", LocalDate.class),
                        row.get("computed_at", Instant.class), row.get("window_days", Integer.class),
                        row.get("baskets", Integer.class), row.get("min_support", Double.class),
                        row.get("min_confidence", Double.class), row.get("max_itemset", Integer.class),
                        row.get("mining_ms", Long.class), row.get("rules", Long.class).intValue()))
                .one();
    }

    /** The strongest rules first. */
    public Flux<MinedRule> strongest(long brandId, int limit) {
        return db.sql(RULES + " order by r.rank limit :n").bind("b", brandId).bind("n", limit)
                .map(RuleReadRepository::toRule).all();
    }

    /** Rules {@code {sku} -> y}, the most confident first (then by lift). */
    public Flux<MinedRule> from(long brandId, String sku, int limit) {
        return db.sql(RULES + " and r.antecedent = array[cast(:sku as text)] order by r.confidence desc, r.lift desc, r.rank"
                        + " limit :n")
                .bind("b", brandId).bind("sku", sku).bind("n", limit)
                .map(RuleReadRepository::toRule).all();
    }

    /** Rules whose every antecedent SKU is among {@code skus}. */
    public Flux<MinedRule> within(long brandId, Collection<String> skus) {
        return db.sql(RULES + " and r.antecedent <@ cast(:skus as text[]) order by r.rank")
                .bind("b", brandId).bind("skus", skus.toArray(String[]::new))
                .map(RuleReadRepository::toRule).all();
    }

    /** Catalogue entries of these SKUs, by SKU. */
    public Mono<Map<String, SkuItem>> products(long brandId, Collection<String> skus) {
        if (skus.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select sku, name, category from recommend_product where brand_id = :b and sku = any(:skus)")
                .bind("b", brandId).bind("skus", skus.toArray(String[]::new))
                .map(row -> new SkuItem(row.get("sku", String.class), row.get("name", String.class),
                        row.get("category", String.class)))
                .all().collectMap(SkuItem::sku);
    }

    /** The store's best sellers, best first; the brand's when the store has none (or no store is given). */
    public Flux<String> bestsellers(long brandId, Long storeId) {
        return db.sql("""
                        select sku from recommend_bestseller
                        where brand_id = :b and store_id is not distinct from (
                            select s.store_id from recommend_bestseller s
                            where s.brand_id = :b and s.store_id = :s limit 1)
                        order by rank
                        """)
                .bind("b", brandId).bind("s", Parameter.fromOrEmpty(storeId, Long.class))
                .map(row -> row.get("sku", String.class)).all();
    }

    private static MinedRule toRule(Readable row) {
        return new MinedRule(List.of(row.get("antecedent", String[].class)), row.get("consequent", String.class),
                row.get("support_count", Integer.class), row.get("antecedent_count", Integer.class),
                row.get("consequent_count", Integer.class), row.get("baskets", Integer.class));
    }
}
