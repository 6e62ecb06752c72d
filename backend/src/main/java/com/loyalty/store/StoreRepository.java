package com.loyalty.store;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes the brand's stores. */
@Repository
class StoreRepository {

    private final DatabaseClient db;

    StoreRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Whether the member registered at the store or bought there: the members its staff work with. */
    public Mono<Boolean> isMemberOfStore(long storeId, long memberId) {
        return db.sql("""
                        select exists (select 1 from member where id = :m and registration_store_id = :s)
                            or exists (select 1 from purchase where member_id = :m and store_id = :s) as found
                        """)
                .bind("s", storeId).bind("m", memberId)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
                .one();
    }

    public Flux<Store> findAll(long brandId) {
        return db.sql("select * from store where brand_id = :brandId order by id")
                .bind("brandId", brandId)
                .map(StoreRepository::toStore)
                .all();
    }

    public Mono<Store> findById(long brandId, long id) {
        return db.sql("select * from store where brand_id = :brandId and id = :id")
                .bind("brandId", brandId)
                .bind("id", id)
                .map(StoreRepository::toStore)
                .one();
    }

    public Flux<Store> findByIds(java.util.Collection<Long> ids) {
        return db.sql("select * from store where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(StoreRepository::toStore)
                .all();
    }

    /** Creates the store unless the brand has one of that name; empty in that case. */
    public Mono<Store> insertIfAbsent(long brandId, String name, String address) {
        return db.sql("""
                        insert into store (brand_id, name, address) values (:brandId, :name, :address)
                        on conflict (brand_id, name) do nothing
                        returning *
                        """)
                .bind("brandId", brandId)
                .bind("name", name)
                .bind("address", Parameter.fromOrEmpty(address, String.class))
                .map(StoreRepository::toStore)
                .one();
    }

    /** The id of the brand's store with this name, creating it when missing. */
    public Mono<Long> ensure(long brandId, String name, String address) {
        return insertIfAbsent(brandId, name, address)
                .switchIfEmpty(Mono.defer(() -> db.sql("select * from store where brand_id = :brandId and name = :name")
                        .bind("brandId", brandId)
                        .bind("name", name)
                        .map(StoreRepository::toStore)
                        .one()))
                .map(Store::id);
    }

    private static Store toStore(Readable row) {
        return new Store(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("name", String.class),
                row.get("address", String.class));
    }
}
