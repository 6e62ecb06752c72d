package com.loyalty.auth;

import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** What PostgreSQL knows about a signed-in account, asked while Redis cannot be reached. */
@Repository
class SessionRepository {

    private final DatabaseClient db;

    SessionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The account is enabled staff, or a member who has not asked to close it; one primary-key read. */
    public Mono<Boolean> accountLive(Viewer viewer) {
        String sql = viewer.role() == Role.MEMBER
                ? "select closure_requested_at is null and closed_at is null as live from member where id = :id"
                : "select enabled as live from staff where id = :id";
        return db.sql(sql).bind("id", viewer.id()).map(row -> Boolean.TRUE.equals(row.get("live", Boolean.class)))
                .one().defaultIfEmpty(false);
    }
}
