package com.loyalty.recommend;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes stores' stock flags; a SKU without a flag is in stock. */
@Repository
class StockRepository {

    private static final String WITH_NAME = """
            select s.*, p.name from store_stock s
            left join recommend_product p on p.brand_id = s.brand_id and p.sku = s.sku
            """;

    private final DatabaseClient db;

    StockRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Sets the flag; true when that changed anything (a new flag, or the other value). */
    public Mono<Boolean> set(long brandId, long storeId, String sku, boolean inStock, long staffId, Instant at) {
        return db.sql("""
                        insert into store_stock (store_id, sku, brand_id, in_stock, updated_at, updated_by)
                        values (:s, :sku, :b, :in, :at, :by)
                        on conflict (store_id, sku) do update
                            set in_stock = excluded.in_stock, updated_at = excluded.updated_at,
                                updated_by = excluded.updated_by
                            where store_stock.in_stock <> excluded.in_stock
                        returning 1 as changed
                        """)
                .bind("s", storeId).bind("sku", sku).bind("b", brandId).bind("in", inStock).bind("at", at)
                .bind("by", staffId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    public Mono<StoreStock> find(long storeId, String sku) {
        return db.sql(WITH_NAME + " where s.store_id = :s and s.sku = :sku")
                .bind("s", storeId).bind("sku", sku)
                .map(StockRepository::toStock).one();
    }

    /** The store's out-of-stock flags, by SKU. */
    public Flux<StoreStock> outOfStock(long storeId) {
        return db.sql(WITH_NAME + " where s.store_id = :s and not s.in_stock order by s.sku")
                .bind("s", storeId)
                .map(StockRepository::toStock).all();
    }

    /** Which of these SKUs the store has flagged out of stock. */
    public Mono<Set<String>> outOfStockAmong(long storeId, Collection<String> skus) {
        if (skus.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("select sku from store_stock where store_id = :s and not in_stock and sku = any(:skus)")
                .bind("s", storeId).bind("skus", skus.toArray(String[]::new))
                .map(row -> row.get("sku", String.class)).all()
                .collect(Collectors.toSet());
    }

    private static StoreStock toStock(Readable row) {
        return new StoreStock(row.get("store_id", Long.class), row.get("sku", String.class),
                row.get("name", String.class), Boolean.TRUE.equals(row.get("in_stock", Boolean.class)),
                row.get("updated_at", Instant.class), row.get("updated_by", Long.class));
    }
}
