package com.loyalty.store;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads and writes the brand's stores. */
@Repository
public class StoreRepository {

    private final DatabaseClient db;

    public StoreRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The id of the brand's store with this name, creating it when missing. */
    public Mono<Long> ensure(long brandId, String name, String address) {
        return db.sql("select id from store where brand_id = :brandId and name = :name order by id limit 1")
                .bind("brandId", brandId)
                .bind("name", name)
                .map(row -> row.get("id", Long.class))
                .one()
                .switchIfEmpty(Mono.defer(() -> db.sql("""
                                insert into store (brand_id, name, address) values (:brandId, :name, :address)
                                returning id
                                """)
                        .bind("brandId", brandId)
                        .bind("name", name)
                        .bind("address", Parameter.fromOrEmpty(address, String.class))
                        .map(row -> row.get("id", Long.class))
                        .one()));
    }
}
