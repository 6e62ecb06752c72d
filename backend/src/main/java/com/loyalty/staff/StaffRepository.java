package com.loyalty.staff;

import com.loyalty.shared.graphql.SearchText;
import com.loyalty.shared.security.Role;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads and writes staff accounts. */
@Repository
class StaffRepository {

    private final DatabaseClient db;

    StaffRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Staff> findById(long id) {
        return db.sql("select * from staff where id = :id").bind("id", id).map(StaffRepository::toStaff).one();
    }

    public Mono<Staff> findByUsername(String username) {
        return db.sql("select * from staff where username = :username")
                .bind("username", username)
                .map(StaffRepository::toStaff)
                .one();
    }

    /** Creates the account unless the username is taken; empty in that case. */
    public Mono<Staff> insertIfAbsent(long brandId, Long storeId, String username, String passwordHash,
                                      String displayName, Role role) {
        return db.sql("""
                        insert into staff (brand_id, store_id, username, password_hash, display_name, role)
                        values (:brandId, :storeId, :username, :passwordHash, :displayName, :role)
                        on conflict (username) do nothing
                        returning *
                        """)
                .bind("brandId", brandId)
                .bind("storeId", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("username", username)
                .bind("passwordHash", passwordHash)
                .bind("displayName", Parameter.fromOrEmpty(displayName, String.class))
                .bind("role", role.name())
                .map(StaffRepository::toStaff)
                .one();
    }

    /** Enables or disables an account of the brand; empty when there is none. */
    public Mono<Staff> setEnabled(long brandId, long id, boolean enabled) {
        // enabling also lifts the account's sign-in lockouts, from every address
        return db.sql("""
                        with changed as (
                            update staff set enabled = :enabled where brand_id = :brandId and id = :id returning *),
                        unlocked as (
                            delete from staff_login_failure f using changed c
                            where :enabled and f.username = lower(c.username))
                        select * from changed
                        """)
                .bind("brandId", brandId)
                .bind("id", id)
                .bind("enabled", enabled)
                .map(StaffRepository::toStaff)
                .one();
    }

    public Flux<Staff> findByIds(java.util.Collection<Long> ids) {
        return db.sql("select * from staff where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(StaffRepository::toStaff)
                .all();
    }

    /** The brand's account, or empty. */
    public Mono<Staff> findInBrand(long brandId, long id) {
        return db.sql("select * from staff where brand_id = :brandId and id = :id")
                .bind("brandId", brandId).bind("id", id)
                .map(StaffRepository::toStaff).one();
    }

    /** The brand's account, locked until the end of the transaction (a change reads its state before). */
    public Mono<Staff> lockInBrand(long brandId, long id) {
        return db.sql("select * from staff where brand_id = :brandId and id = :id for update")
                .bind("brandId", brandId).bind("id", id)
                .map(StaffRepository::toStaff).one();
    }

    /** The brand's accounts matching the filter, newest first, after the row {@code beforeId} (exclusive). */
    public Flux<Staff> page(long brandId, StaffFilter filter, Long beforeId, int limit) {
        return bind(db.sql("select * from staff where " + WHERE + " and (:before::bigint is null or id < :before)"
                        + " order by id desc limit :limit"), brandId, filter)
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class))
                .bind("limit", limit)
                .map(StaffRepository::toStaff).all();
    }

    /** How many of the brand's accounts match the filter. */
    public Mono<Long> count(long brandId, StaffFilter filter) {
        return bind(db.sql("select count(*) as n from staff where " + WHERE), brandId, filter)
                .map(row -> row.get("n", Long.class)).one();
    }

    private static final String WHERE = """
            brand_id = :brandId
            and (:storeId::bigint is null or store_id = :storeId)
            and (:role::text is null or role = :role)
            and (:enabled::boolean is null or enabled = :enabled)
            and (:search::text is null or username ilike :search escape '\\' or display_name ilike :search escape '\\')""";

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, long brandId,
                                                         StaffFilter filter) {
        return spec.bind("brandId", brandId)
                .bind("storeId", Parameter.fromOrEmpty(filter.storeId(), Long.class))
                .bind("role", Parameter.fromOrEmpty(filter.role() == null ? null : filter.role().name(), String.class))
                .bind("enabled", Parameter.fromOrEmpty(filter.enabled(), Boolean.class))
                .bind("search", Parameter.fromOrEmpty(filter.search() == null ? null
                        : SearchText.containing(filter.search()),
                        String.class));
    }

    /**
     * Sets a new password hash; {@code mustChange}: it is a temporary one to be changed at the next
     * sign-in. A new password also lifts the account's sign-in lockouts, from every address.
     */
    public Mono<Staff> setPassword(long id, String passwordHash, boolean mustChange) {
        return db.sql("""
                        with changed as (
                            update staff set password_hash = :hash, must_change_password = :mustChange
                            where id = :id returning *),
                        unlocked as (
                            delete from staff_login_failure f using changed c where f.username = lower(c.username))
                        select * from changed
                        """)
                .bind("id", id).bind("hash", passwordHash).bind("mustChange", mustChange)
                .map(StaffRepository::toStaff).one();
    }

    /** Sets an account's display name, role and store (the caller keeps the store rule: see the table's check). */
    public Mono<Staff> update(long id, String displayName, Role role, Long storeId) {
        return db.sql("""
                        update staff set display_name = :displayName, role = :role, store_id = :storeId
                        where id = :id returning *
                        """)
                .bind("id", id)
                .bind("displayName", Parameter.fromOrEmpty(displayName, String.class))
                .bind("role", role.name())
                .bind("storeId", Parameter.fromOrEmpty(storeId, Long.class))
                .map(StaffRepository::toStaff).one();
    }

    public Mono<Boolean> anyAdmin(long brandId) {
        return db.sql("select exists (select 1 from staff where brand_id = :brandId and role = 'ADMIN') as found")
                .bind("brandId", brandId)
                .map(row -> row.get("found", Boolean.class))
                .one();
    }

    static Staff toStaff(Readable row) {
        return new Staff(
                row.get("id", Long.class),
                row.get("brand_id", Long.class),
                row.get("store_id", Long.class),
                row.get("username", String.class),
                row.get("password_hash", String.class),
                row.get("display_name", String.class),
                Role.valueOf(row.get("role", String.class)),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                Boolean.TRUE.equals(row.get("must_change_password", Boolean.class)));
    }
}
