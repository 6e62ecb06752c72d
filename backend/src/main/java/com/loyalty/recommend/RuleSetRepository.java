package com.loyalty.recommend;

import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Saves a brand's mining run: its rules, the catalogue (latest name and category of each SKU in the
 * window) and the best sellers, replacing the previous run's in one transaction, so readers see
 * either the old set or the new one, never a mix or nothing.
 */
@Repository
class RuleSetRepository {

    /** Joins a rule's antecedent SKUs into one array element; split again in SQL. */
    private static final String SEPARATOR = "\u001f";

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    RuleSetRepository(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /** The windows the run looked at: mining and catalogue {@code [from, to)}, best sellers {@code [bestsellersFrom, to)}. */
    public record Windows(Instant from, Instant bestsellersFrom, Instant to) {
    }

    public Mono<Void> replace(RuleSet run, List<MinedRule> rules, Windows windows, int bestsellers) {
        long brandId = run.brandId();
        return Flux.concat(delete("recommend_rule", brandId), delete("recommend_product", brandId),
                        delete("recommend_bestseller", brandId), insertRules(brandId, rules),
                        insertProducts(brandId, windows), insertBestsellers(brandId, windows, bestsellers),
                        saveRun(run))
                .then()
                .as(tx::transactional);
    }

    private Mono<Void> delete(String table, long brandId) {
        return db.sql("delete from " + table + " where brand_id = :b").bind("b", brandId).then();
    }

    private Mono<Void> insertRules(long brandId, List<MinedRule> rules) {
        if (rules.isEmpty()) {
            return Mono.empty();
        }
        int n = rules.size();
        Integer[] ranks = new Integer[n];
        String[] antecedents = new String[n];
        String[] consequents = new String[n];
        Integer[] both = new Integer[n];
        Integer[] left = new Integer[n];
        Integer[] right = new Integer[n];
        Double[] support = new Double[n];
        Double[] confidence = new Double[n];
        Double[] lift = new Double[n];
        for (int i = 0; i < n; i++) {
            MinedRule rule = rules.get(i);
            ranks[i] = i + 1;
            antecedents[i] = String.join(SEPARATOR, rule.antecedent());
            consequents[i] = rule.consequent();
            both[i] = rule.supportCount();
            left[i] = rule.antecedentCount();
            right[i] = rule.consequentCount();
            support[i] = rule.support();
            confidence[i] = rule.confidence();
            lift[i] = rule.lift();
        }
        return db.sql("""
                        insert into recommend_rule (brand_id, rank, antecedent, consequent, support_count,
                                                    antecedent_count, consequent_count, support, confidence, lift)
                        select :b, r.rank, string_to_array(r.a, :sep), r.c, r.sc, r.ac, r.cc, r.s, r.conf, r.l
                        from unnest(cast(:ranks as int[]), cast(:ants as text[]), cast(:cons as text[]),
                                    cast(:both as int[]), cast(:left as int[]), cast(:right as int[]),
                                    cast(:support as float8[]), cast(:confidence as float8[]), cast(:lift as float8[]))
                             as r(rank, a, c, sc, ac, cc, s, conf, l)
                        """)
                .bind("b", brandId).bind("sep", SEPARATOR).bind("ranks", ranks).bind("ants", antecedents)
                .bind("cons", consequents).bind("both", both).bind("left", left).bind("right", right)
                .bind("support", support).bind("confidence", confidence).bind("lift", lift)
                .then();
    }

    private Mono<Void> insertProducts(long brandId, Windows windows) {
        return db.sql("""
                        insert into recommend_product (brand_id, sku, name, category)
                        select distinct on (i.sku) :b, i.sku, i.name, i.category
                        from purchase p join purchase_item i on i.purchase_id = p.id
                        where p.brand_id = :b and p.occurred_at >= :from and p.occurred_at < :to
                        order by i.sku, p.occurred_at desc, p.id desc
                        """)
                .bind("b", brandId).bind("from", windows.from()).bind("to", windows.to())
                .then();
    }

    /** Per store, and brand-wide (store null): the SKUs in the most orders, ties by SKU. */
    private Mono<Void> insertBestsellers(long brandId, Windows windows, int top) {
        return db.sql("""
                        insert into recommend_bestseller (brand_id, store_id, rank, sku, orders)
                        select :b, store_id, rank, sku, orders from (
                            select p.store_id, i.sku, count(distinct p.id) as orders,
                                   row_number() over (partition by grouping(p.store_id), p.store_id
                                                      order by count(distinct p.id) desc, i.sku) as rank
                            from purchase p join purchase_item i on i.purchase_id = p.id
                            where p.brand_id = :b and p.occurred_at >= :from and p.occurred_at < :to
                              and p.refunded_cents < p.amount_cents
                            group by grouping sets ((p.store_id, i.sku), (i.sku))
                        ) ranked
                        where rank <= :top
                        """)
                .bind("b", brandId).bind("from", windows.bestsellersFrom()).bind("to", windows.to())
                .bind("top", top)
                .then();
    }

    private Mono<Void> saveRun(RuleSet run) {
        return db.sql("""
                        insert into recommend_run (brand_id, as_of, computed_at, window_days, baskets, min_support,
                                                   min_confidence, max_itemset, mining_ms)
                        values (:b, :asOf, :at, :window, :baskets, :support, :confidence, :size, :ms)
                        on conflict (brand_id) do update set
                            as_of = excluded.as_of, computed_at = excluded.computed_at,
                            window_days = excluded.window_days, baskets = excluded.baskets,
                            min_support = excluded.min_support, min_confidence = excluded.min_confidence,
                            max_itemset = excluded.max_itemset, mining_ms = excluded.mining_ms
                        """)
                .bind("b", run.brandId()).bind("asOf", run.asOf()).bind("at", run.computedAt())
                .bind("window", run.windowDays()).bind("baskets", run.baskets())
                .bind("support", run.minSupport()).bind("confidence", run.minConfidence())
                .bind("size", run.maxItemsetSize()).bind("ms", run.miningMillis())
                .then();
    }
}
