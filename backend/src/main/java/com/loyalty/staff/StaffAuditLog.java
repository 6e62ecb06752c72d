package com.loyalty.staff;

import com.loyalty.shared.security.Viewer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Appends to the audit trail of staff actions: who, at which store, on whom, what and why. */
@Repository
public class StaffAuditLog {

    private final DatabaseClient db;

    public StaffAuditLog(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> record(Viewer staff, Long storeId, String action, Long memberId, String detail) {
        return db.sql("""
                        insert into staff_audit (brand_id, staff_id, store_id, action, member_id, detail)
                        values (:brandId, :staffId, :storeId, :action, :memberId, :detail)
                        """)
                .bind("brandId", staff.brandId())
                .bind("staffId", staff.id())
                .bind("storeId", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("action", action)
                .bind("memberId", Parameter.fromOrEmpty(memberId, Long.class))
                .bind("detail", Parameter.fromOrEmpty(detail, String.class))
                .then();
    }
}
