package com.loyalty.staff;

import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Wrong passwords in a row per (username, client address), whether or not the username exists,
 * and until when that pair is locked out.
 */
@Repository
class StaffLoginFailureRepository {

    private final DatabaseClient db;

    StaffLoginFailureRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Until when the pair is locked out; empty when it is not (or the lockout is over). */
    Mono<Instant> lockedUntil(String username, String address, Instant now) {
        return db.sql("""
                        select locked_until from staff_login_failure
                        where username = :username and address = :address and locked_until > :now
                        """)
                .bind("username", username).bind("address", address).bind("now", now)
                .map(row -> row.get("locked_until", Instant.class))
                .one();
    }

    /**
     * Counts a wrong password; the one that reaches {@code maxFailures} locks the pair until
     * {@code until} and starts the count again. Returns until when the pair is locked (empty if not).
     */
    Mono<Optional<Instant>> record(String username, String address, int maxFailures, Instant now, Instant until) {
        return db.sql("""
                        insert into staff_login_failure as f (username, address, failures, locked_until, updated_at)
                        values (:username, :address, case when :max <= 1 then 0 else 1 end,
                                case when :max <= 1 then :until end, :now)
                        on conflict (username, address) do update set
                            locked_until = case when f.failures + 1 >= :max then :until else f.locked_until end,
                            failures = case when f.failures + 1 >= :max then 0 else f.failures + 1 end,
                            updated_at = :now
                        returning locked_until
                        """)
                .bind("username", username).bind("address", address).bind("max", maxFailures)
                .bind("now", now).bind("until", until)
                .map(row -> Optional.ofNullable(row.get("locked_until", Instant.class)))
                .one();
    }

    /** Forgets the pair's wrong passwords after a successful sign-in. */
    Mono<Void> clear(String username, String address) {
        return db.sql("delete from staff_login_failure where username = :username and address = :address")
                .bind("username", username).bind("address", address).then();
    }
}
