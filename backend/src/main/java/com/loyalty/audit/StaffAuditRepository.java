package com.loyalty.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for the staff audit trail (staff_audit): appends, filtered pages and counts, and purges. */
@Repository
class StaffAuditRepository {

    private static final String FILTERS = " and (cast(:staff as bigint) is null or staff_id = :staff)"
            + " and (cast(:member as bigint) is null or member_id = :member)"
            + " and (cast(:action as text) is null or action = :action)"
            + " and (cast(:subjectType as text) is null or subject_type = :subjectType)"
            + " and (cast(:subjectId as bigint) is null or subject_id = :subjectId)"
            + " and (cast(:client as bigint) is null or client_id = :client)";

    /** The object a change was made to and its state before and after, as JSON. */
    record ChangeColumns(String subjectType, long subjectId, String before, String after) {
    }

    private final DatabaseClient db;

    StaffAuditRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Appends an entry; {@code change} is null for an action that changed no object. */
    public Mono<Void> insert(long brandId, Long staffId, Long clientId, Long storeId, String action, Long memberId, String detail,
                             ChangeColumns change) {
        return insert(brandId, staffId, clientId, false, storeId, action, memberId, detail, change);
    }

    /** Appends an entry; {@code bySystem} when neither a staff member nor a client acted (a scheduled job). */
    public Mono<Void> insert(long brandId, Long staffId, Long clientId, boolean bySystem, Long storeId, String action,
                             Long memberId, String detail, ChangeColumns change) {
        return db.sql("""
                        insert into staff_audit (brand_id, staff_id, client_id, by_system, store_id, action, member_id, detail,
                                                 subject_type, subject_id, before, after)
                        values (:brandId, :staffId, :clientId, :bySystem, :storeId, :action, :memberId, :detail,
                                :subjectType, :subjectId, cast(:before as jsonb), cast(:after as jsonb))
                        """)
                .bind("brandId", brandId)
                .bind("staffId", Parameter.fromOrEmpty(staffId, Long.class))
                .bind("clientId", Parameter.fromOrEmpty(clientId, Long.class))
                .bind("bySystem", bySystem)
                .bind("storeId", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("action", action)
                .bind("memberId", Parameter.fromOrEmpty(memberId, Long.class))
                .bind("detail", Parameter.fromOrEmpty(detail, String.class))
                .bind("subjectType", Parameter.fromOrEmpty(change == null ? null : change.subjectType(), String.class))
                .bind("subjectId", Parameter.fromOrEmpty(change == null ? null : change.subjectId(), Long.class))
                .bind("before", Parameter.fromOrEmpty(change == null ? null : change.before(), String.class))
                .bind("after", Parameter.fromOrEmpty(change == null ? null : change.after(), String.class))
                .then();
    }

    /** Up to {@code limit} actions of the brand before {@code beforeId}, newest first, narrowed by the filters given. */
    public Flux<AuditEntry> page(long brandId, AuditFilter filter, Long beforeId, int limit) {
        return db.sql("select *, cast(before as text) as before_json, cast(after as text) as after_json"
                        + " from staff_audit where brand_id = :b" + FILTERS
                        + " and (cast(:before as bigint) is null or id < :before) order by id desc limit :limit")
                .bindValues(filters(brandId, filter))
                .bind("before", Parameter.fromOrEmpty(beforeId, Long.class)).bind("limit", limit)
                .map(row -> new AuditEntry(row.get("id", Long.class), row.get("created_at", Instant.class),
                        row.get("staff_id", Long.class), row.get("client_id", Long.class),
                        Boolean.TRUE.equals(row.get("by_system", Boolean.class)), row.get("store_id", Long.class),
                        row.get("action", String.class), row.get("member_id", Long.class),
                        row.get("detail", String.class), row.get("subject_type", String.class),
                        row.get("subject_id", Long.class), row.get("before_json", String.class),
                        row.get("after_json", String.class)))
                .all();
    }

    /** How many actions of the brand the filters match. */
    public Mono<Long> count(long brandId, AuditFilter filter) {
        return db.sql("select count(*) as n from staff_audit where brand_id = :b" + FILTERS)
                .bindValues(filters(brandId, filter))
                .map(row -> row.get("n", Long.class)).one();
    }

    /** Deletes the entries of {@code action} recorded before {@code before}; returns how many. */
    public Mono<Long> deleteBefore(String action, Instant before) {
        return db.sql("delete from staff_audit where action = :a and created_at < :before")
                .bind("a", action).bind("before", before)
                .fetch().rowsUpdated();
    }

    /** Deletes the entries of any action but {@code action} recorded before {@code before}; returns how many. */
    public Mono<Long> deleteOthersBefore(String action, Instant before) {
        return db.sql("delete from staff_audit where action <> :a and created_at < :before")
                .bind("a", action).bind("before", before)
                .fetch().rowsUpdated();
    }

    /** The values of {@code :b} and {@link #FILTERS}. */
    private static Map<String, Parameter> filters(long brandId, AuditFilter filter) {
        return Map.of("b", Parameter.from(brandId), "client", Parameter.fromOrEmpty(filter.clientId(), Long.class),
                "staff", Parameter.fromOrEmpty(filter.staffId(), Long.class),
                "member", Parameter.fromOrEmpty(filter.memberId(), Long.class),
                "action", Parameter.fromOrEmpty(filter.action(), String.class),
                "subjectType", Parameter.fromOrEmpty(filter.subjectType(), String.class),
                "subjectId", Parameter.fromOrEmpty(filter.subjectId(), Long.class));
    }
}
