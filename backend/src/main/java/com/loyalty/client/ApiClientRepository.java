package com.loyalty.client;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes the brand's machine clients (table api_client) and their secrets (api_client_secret). */
@Repository
class ApiClientRepository {

    /** The admin's view of a client: the row, and until when its previous secret still works. */
    private static final String DETAIL = """
            select c.*, (select max(s.expires_at) from api_client_secret s
                         where s.client_id = c.id and s.expires_at > now()) as previous_secret_expires_at
            from api_client c
            """;
    private static final String FILTERS = " and (cast(:status as text) is null or c.status = :status)"
            + " and (cast(:kind as text) is null or c.kind = :kind)";

    private final DatabaseClient db;

    ApiClientRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<ApiClient> findById(long brandId, long id) {
        return db.sql("select * from api_client where brand_id = :brandId and id = :id")
                .bind("brandId", brandId).bind("id", id)
                .map(ApiClientRepository::toClient)
                .one();
    }

    /** The client with this id when it is active, whatever its brand (for the token endpoint). */
    Mono<ApiClient> findActive(long id) {
        return db.sql("select * from api_client where id = :id and status = 'ACTIVE'")
                .bind("id", id)
                .map(ApiClientRepository::toClient)
                .one();
    }

    Flux<ApiClient> findAll(long brandId) {
        return db.sql("select * from api_client where brand_id = :brandId order by id")
                .bind("brandId", brandId)
                .map(ApiClientRepository::toClient)
                .all();
    }

    Flux<ApiClient> findByIds(long brandId, Collection<Long> ids) {
        return db.sql("select * from api_client where brand_id = :brandId and id = any(:ids)")
                .bind("brandId", brandId).bind("ids", ids.toArray(Long[]::new))
                .map(ApiClientRepository::toClient)
                .all();
    }

    Mono<ApiClientDetail> detail(long brandId, long id) {
        return db.sql(DETAIL + " where c.brand_id = :brandId and c.id = :id")
                .bind("brandId", brandId).bind("id", id)
                .map(ApiClientRepository::toDetail)
                .one();
    }

    /** Up to {@code limit} clients of the brand below {@code beforeId}, newest first. */
    Flux<ApiClientDetail> page(long brandId, ApiClientFilter filter, Long beforeId, int limit) {
        return db.sql(DETAIL + " where c.brand_id = :brandId" + FILTERS
                        + " and (cast(:before as bigint) is null or c.id < :before) order by c.id desc limit :limit")
                .bind("brandId", brandId)
                .bind("status", Parameter.fromOrEmpty(filter.status() == null ? null : filter.status().name(), String.class))
                .bind("kind", Parameter.fromOrEmpty(filter.kind() == null ? null : filter.kind().name(), String.class))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class))
                .bind("limit", limit)
                .map(ApiClientRepository::toDetail)
                .all();
    }

    Mono<Long> count(long brandId, ApiClientFilter filter) {
        return db.sql("select count(*) as n from api_client c where c.brand_id = :brandId" + FILTERS)
                .bind("brandId", brandId)
                .bind("status", Parameter.fromOrEmpty(filter.status() == null ? null : filter.status().name(), String.class))
                .bind("kind", Parameter.fromOrEmpty(filter.kind() == null ? null : filter.kind().name(), String.class))
                .map(row -> row.get("n", Long.class))
                .one();
    }

    /** The new client's id; empty when the brand has a client of that name already. */
    Mono<Long> insert(long brandId, String name, ApiClientKind kind, List<String> scopes, List<Long> storeIds,
                      Long createdBy) {
        return db.sql("""
                        insert into api_client (brand_id, name, kind, scopes, store_ids, created_by)
                        values (:brandId, :name, :kind, :scopes, :stores, :createdBy)
                        on conflict (brand_id, name) do nothing returning id
                        """)
                .bind("brandId", brandId).bind("name", name).bind("kind", kind.name())
                .bind("scopes", scopes.toArray(String[]::new)).bind("stores", storeIds.toArray(Long[]::new))
                .bind("createdBy", Parameter.fromOrEmpty(createdBy, Long.class))
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /** Whether another client of the brand has this name. */
    Mono<Boolean> nameTaken(long brandId, String name, long exceptId) {
        return db.sql("select exists (select 1 from api_client where brand_id = :b and name = :n and id <> :id) as taken")
                .bind("b", brandId).bind("n", name).bind("id", exceptId)
                .map(row -> row.get("taken", Boolean.class)).one();
    }

    /** Changes an active client's name, scopes and stores; false when it is not active (or not the brand's). */
    Mono<Boolean> update(long brandId, long id, String name, List<String> scopes, List<Long> storeIds, Instant now) {
        return db.sql("""
                        update api_client set name = :name, scopes = :scopes, store_ids = :stores, updated_at = :now
                        where brand_id = :brandId and id = :id and status = 'ACTIVE'
                        """)
                .bind("brandId", brandId).bind("id", id).bind("name", name)
                .bind("scopes", scopes.toArray(String[]::new)).bind("stores", storeIds.toArray(Long[]::new))
                .bind("now", now)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Revokes an active client and ends every secret of it; false when it was not active. */
    Mono<Boolean> revoke(long brandId, long id, Instant now) {
        return db.sql("""
                        with revoked as (
                            update api_client set status = 'REVOKED', revoked_at = :now, updated_at = :now
                            where brand_id = :brandId and id = :id and status = 'ACTIVE' returning id),
                        ended as (
                            update api_client_secret set expires_at = :now
                            where client_id in (select id from revoked) and (expires_at is null or expires_at > :now)
                            returning id)
                        select (select count(*) from revoked) as revoked, (select count(*) from ended) as ended
                        """)
                .bind("brandId", brandId).bind("id", id).bind("now", now)
                .map(row -> row.get("revoked", Long.class) > 0)
                .one();
    }

    /** Adds a current secret (no expiry) to the client; its id. */
    Mono<Long> insertSecret(long clientId, String secretHash, Long createdBy, Instant now) {
        return db.sql("""
                        insert into api_client_secret (client_id, secret_hash, created_by, created_at)
                        values (:clientId, :hash, :createdBy, :now) returning id
                        """)
                .bind("clientId", clientId).bind("hash", secretHash)
                .bind("createdBy", Parameter.fromOrEmpty(createdBy, Long.class)).bind("now", now)
                .map(row -> row.get("id", Long.class)).one();
    }

    /**
     * Ends the client's secrets at {@code at} at the latest (those ending earlier keep their end); the
     * ids of those that were still valid at {@code now}.
     */
    Flux<Long> endSecretsBy(long clientId, Instant at, Instant now) {
        return db.sql("""
                        update api_client_secret set expires_at = least(coalesce(expires_at, :at), :at)
                        where client_id = :clientId and (expires_at is null or expires_at > :now) returning id
                        """)
                .bind("clientId", clientId).bind("at", at).bind("now", now)
                .map(row -> row.get("id", Long.class)).all();
    }

    /** The ids of every secret the client ever had. */
    Flux<Long> secretIds(long clientId) {
        return db.sql("select id from api_client_secret where client_id = :clientId")
                .bind("clientId", clientId)
                .map(row -> row.get("id", Long.class)).all();
    }

    /** The ids of the client's secrets valid at {@code now}. */
    Flux<Long> validSecretIds(long clientId, Instant now) {
        return db.sql("select id from api_client_secret where client_id = :clientId"
                        + " and (expires_at is null or expires_at > :now)")
                .bind("clientId", clientId).bind("now", now)
                .map(row -> row.get("id", Long.class)).all();
    }

    /** A secret of an active client found by its hash, with when it stops working (null: current). */
    record ValidSecret(long secretId, long clientId, Instant expiresAt) {
    }

    /** The secret with this hash when it belongs to client {@code clientId}, that client is active and it is valid at {@code now}. */
    Mono<ValidSecret> validSecret(long clientId, String secretHash, Instant now) {
        return db.sql("""
                        select s.id, s.client_id, s.expires_at from api_client_secret s
                        join api_client c on c.id = s.client_id
                        where s.secret_hash = :hash and s.client_id = :clientId and c.status = 'ACTIVE'
                          and (s.expires_at is null or s.expires_at > :now)
                        """)
                .bind("hash", secretHash).bind("clientId", clientId).bind("now", now)
                .map(row -> new ValidSecret(row.get("id", Long.class), row.get("client_id", Long.class),
                        row.get("expires_at", Instant.class)))
                .one();
    }

    /** Whether secret {@code secretId} of client {@code clientId} still works: the client active, the secret valid at {@code now}. */
    Mono<Boolean> secretLive(long clientId, long secretId, Instant now) {
        return db.sql("""
                        select exists (select 1 from api_client_secret s join api_client c on c.id = s.client_id
                                       where s.id = :secretId and s.client_id = :clientId and c.status = 'ACTIVE'
                                         and (s.expires_at is null or s.expires_at > :now)) as live
                        """)
                .bind("secretId", secretId).bind("clientId", clientId).bind("now", now)
                .map(row -> row.get("live", Boolean.class)).one();
    }

    Mono<Void> touch(long clientId, Instant now) {
        return db.sql("update api_client set last_used_at = :now where id = :id")
                .bind("id", clientId).bind("now", now).then();
    }

    static ApiClient toClient(Readable row) {
        String[] scopes = row.get("scopes", String[].class);
        Long[] stores = row.get("store_ids", Long[].class);
        return new ApiClient(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("name", String.class),
                ApiClientKind.valueOf(row.get("kind", String.class)),
                new LinkedHashSet<>(Arrays.asList(scopes == null ? new String[0] : scopes)),
                new LinkedHashSet<>(Arrays.asList(stores == null ? new Long[0] : stores)),
                "ACTIVE".equals(row.get("status", String.class)));
    }

    private static ApiClientDetail toDetail(Readable row) {
        String[] scopes = row.get("scopes", String[].class);
        Long[] stores = row.get("store_ids", Long[].class);
        return new ApiClientDetail(row.get("id", Long.class), row.get("brand_id", Long.class),
                row.get("name", String.class), ApiClientKind.valueOf(row.get("kind", String.class)),
                ApiClientStatus.valueOf(row.get("status", String.class)),
                List.of(scopes == null ? new String[0] : scopes), List.of(stores == null ? new Long[0] : stores),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("last_used_at", Instant.class), row.get("revoked_at", Instant.class),
                row.get("previous_secret_expires_at", Instant.class));
    }
}
