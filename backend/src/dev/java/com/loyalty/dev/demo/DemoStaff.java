package com.loyalty.dev.demo;

import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.Staff;
import com.loyalty.staff.StaffService;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The demo's staff accounts as the services see them when they act. */
final class DemoStaff {

    private DemoStaff() {
    }

    /** The demo staff member with this username, as a signed-in viewer. */
    static Mono<Viewer> viewer(DatabaseClient db, StaffService staffService, String username) {
        return db.sql("select id from staff where username = :username").bind("username", username)
                .map(row -> row.get("id", Long.class)).one()
                .flatMap(staffService::get)
                .map(Staff::viewer);
    }
}
