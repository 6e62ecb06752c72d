package com.loyalty.staff;

import com.loyalty.shared.security.Role;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Reads and writes staff accounts. */
@Repository
public class StaffRepository {

    private final DatabaseClient db;

    public StaffRepository(DatabaseClient db) {
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

    /**
     * Counts a wrong password; the one that reaches {@code maxFailures} locks the account until
     * {@code until} and starts the count again. Returns when the account is locked until (null if not).
     */
    public Mono<Optional<Instant>> recordFailedLogin(long id, int maxFailures, Instant until) {
        return db.sql("""
                        update staff set
                            locked_until = case when failed_logins + 1 >= :max then :until else locked_until end,
                            failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end
                        where id = :id returning locked_until
                        """)
                .bind("id", id).bind("max", maxFailures).bind("until", until)
                .map(row -> Optional.ofNullable(row.get("locked_until", Instant.class)))
                .one();
    }

    /** Forgets wrong passwords after a successful sign-in. */
    public Mono<Void> clearFailedLogins(long id) {
        return db.sql("update staff set failed_logins = 0 where id = :id and failed_logins <> 0")
                .bind("id", id).then();
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
        return db.sql("""
                        update staff set enabled = :enabled, failed_logins = 0,
                               locked_until = case when :enabled then null else locked_until end
                        where brand_id = :brandId and id = :id returning *
                        """)
                .bind("brandId", brandId)
                .bind("id", id)
                .bind("enabled", enabled)
                .map(StaffRepository::toStaff)
                .one();
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
                row.get("locked_until", Instant.class));
    }
}
