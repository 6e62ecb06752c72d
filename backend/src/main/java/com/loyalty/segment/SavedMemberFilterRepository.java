package com.loyalty.segment;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** SQL for saved member filters (the filter kept as JSON). */
@Repository
class SavedMemberFilterRepository {

    private static final String COLUMNS = "id, brand_id, name, filter::text as filter, created_by, created_at, updated_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    SavedMemberFilterRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The new saved filter; empty when the brand already has one of that name. */
    public Mono<SavedMemberFilter> insert(long brandId, String name, MemberFilter filter, long staffId, Instant at) {
        return db.sql("insert into saved_member_filter (brand_id, name, filter, created_by, created_at, updated_at)"
                        + " values (:b, :name, cast(:filter as jsonb), :staff, :at, :at)"
                        + " on conflict (brand_id, name) do nothing returning " + COLUMNS)
                .bind("b", brandId).bind("name", name).bind("filter", json.writeValueAsString(filter))
                .bind("staff", staffId).bind("at", at)
                .map(this::toSaved).one();
    }

    public Mono<SavedMemberFilter> find(long brandId, long id) {
        return db.sql("select " + COLUMNS + " from saved_member_filter where brand_id = :b and id = :id")
                .bind("b", brandId).bind("id", id).map(this::toSaved).one();
    }

    /** Renames and/or redefines the saved filter; empty when the brand has no such filter. */
    public Mono<SavedMemberFilter> update(long brandId, long id, String name, MemberFilter filter, Instant at) {
        return db.sql("update saved_member_filter set name = :name, filter = cast(:filter as jsonb), updated_at = :at"
                        + " where brand_id = :b and id = :id returning " + COLUMNS)
                .bind("b", brandId).bind("id", id).bind("name", name).bind("filter", json.writeValueAsString(filter))
                .bind("at", at)
                .map(this::toSaved).one();
    }

    /** Deletes the saved filter; false when the brand has no such filter. */
    public Mono<Boolean> delete(long brandId, long id) {
        return db.sql("delete from saved_member_filter where brand_id = :b and id = :id")
                .bind("b", brandId).bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** A page of the brand's saved filters, newest first, before id {@code beforeId}, names matching {@code search} if given. */
    public Flux<SavedMemberFilter> page(long brandId, String search, Long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from saved_member_filter where brand_id = :b"
                        + " and (cast(:search as text) is null or name ilike :search)"
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit")
                .bind("b", brandId).bind("search", Parameter.fromOrEmpty(search, String.class))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(this::toSaved).all();
    }

    public Mono<Long> count(long brandId, String search) {
        return db.sql("select count(*) as n from saved_member_filter where brand_id = :b"
                        + " and (cast(:search as text) is null or name ilike :search)")
                .bind("b", brandId).bind("search", Parameter.fromOrEmpty(search, String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    private SavedMemberFilter toSaved(Readable row) {
        return new SavedMemberFilter(row.get("id", Long.class), row.get("brand_id", Long.class),
                row.get("name", String.class), json.readValue(row.get("filter", String.class), MemberFilter.class),
                row.get("created_by", Long.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
