package com.loyalty.staff;

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
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)));
    }
}
