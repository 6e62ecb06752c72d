package com.loyalty.store;

import com.loyalty.shared.graphql.SearchText;
import io.r2dbc.spi.Readable;
import java.time.Instant;
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

    /** Of these members, those who registered at the store or bought there (as {@link #isMemberOfStore}), in one query. */
    public Flux<Long> membersOfStore(long storeId, java.util.Collection<Long> memberIds) {
        return db.sql("""
                        select m.id from member m where m.id = any(:ids)
                          and (m.registration_store_id = :s
                               or exists (select 1 from purchase p where p.member_id = m.id and p.store_id = :s))
                        """)
                .bind("s", storeId).bind("ids", memberIds.toArray(Long[]::new))
                .map(row -> row.get("id", Long.class))
                .all();
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

    /** The brand's store, locked until the end of the transaction (a change reads its state before). */
    public Mono<Store> lockById(long brandId, long id) {
        return db.sql("select * from store where brand_id = :brandId and id = :id for update")
                .bind("brandId", brandId).bind("id", id)
                .map(StoreRepository::toStore).one();
    }

    /** Whether the store is open; empty when there is no such store. */
    public Mono<Boolean> isOpen(long id) {
        return db.sql("select status = 'OPEN' as open from store where id = :id")
                .bind("id", id)
                .map(row -> Boolean.TRUE.equals(row.get("open", Boolean.class))).one();
    }

    private static final String WHERE = """
            brand_id = :brandId
            and (:status::text is null or status = :status)
            and (:search::text is null or name ilike :search escape '\\' or address ilike :search escape '\\')""";

    /** The brand's stores matching the filter in the order they were opened, after the row {@code afterId}. */
    public Flux<Store> page(long brandId, StoreFilter filter, Long afterId, int limit) {
        return bind(db.sql("select * from store where " + WHERE + " and (:after::bigint is null or id > :after)"
                        + " order by id limit :limit"), brandId, filter)
                .bind("after", Parameter.fromOrEmpty(afterId, Long.class))
                .bind("limit", limit)
                .map(StoreRepository::toStore).all();
    }

    public Mono<Long> count(long brandId, StoreFilter filter) {
        return bind(db.sql("select count(*) as n from store where " + WHERE), brandId, filter)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                         StoreFilter filter) {
        return spec.bind("brandId", brandId)
                .bind("status", Parameter.fromOrEmpty(filter.status() == null ? null : filter.status().name(), String.class))
                .bind("search", Parameter.fromOrEmpty(filter.search() == null ? null
                        : SearchText.containing(filter.search()),
                        String.class));
    }

    /** Sets the store's name, address and phone; empty when another store of the brand has the name. */
    public Mono<Store> update(long brandId, long id, String name, String address, String phone) {
        return db.sql("""
                        update store set name = :name, address = :address, phone = :phone
                        where brand_id = :brandId and id = :id
                          and not exists (select 1 from store o where o.brand_id = :brandId and o.name = :name and o.id <> :id)
                        returning *
                        """)
                .bind("brandId", brandId).bind("id", id).bind("name", name)
                .bind("address", Parameter.fromOrEmpty(address, String.class))
                .bind("phone", Parameter.fromOrEmpty(phone, String.class))
                .map(StoreRepository::toStore).one();
    }

    /** Closes (with when and why) or reopens the store. */
    public Mono<Store> setStatus(long id, StoreStatus status, Instant closedAt, String reason) {
        return db.sql("""
                        update store set status = :status, closed_at = :closedAt, close_reason = :reason
                        where id = :id returning *
                        """)
                .bind("id", id).bind("status", status.name())
                .bind("closedAt", Parameter.fromOrEmpty(closedAt, Instant.class))
                .bind("reason", Parameter.fromOrEmpty(reason, String.class))
                .map(StoreRepository::toStore).one();
    }

    private static Store toStore(Readable row) {
        return new Store(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("name", String.class),
                row.get("address", String.class), row.get("phone", String.class),
                StoreStatus.valueOf(row.get("status", String.class)), row.get("closed_at", Instant.class),
                row.get("close_reason", String.class));
    }
}
