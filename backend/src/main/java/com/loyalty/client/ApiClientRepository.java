package com.loyalty.client;

import io.r2dbc.spi.Readable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes the brand's machine clients (table api_client). */
@Repository
class ApiClientRepository {

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

    Flux<ApiClient> findAll(long brandId) {
        return db.sql("select * from api_client where brand_id = :brandId order by id")
                .bind("brandId", brandId)
                .map(ApiClientRepository::toClient)
                .all();
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
}
