package com.loyalty.automation;

import com.loyalty.privacy.PersonalData;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The stores' call lists. */
@Repository
class FollowUpRepository {

    private final DatabaseClient db;

    FollowUpRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(long brandId, long storeId, long memberId, long actionId, String reason, LocalDate dueOn,
                             Instant at) {
        return db.sql("""
                        insert into follow_up_task (brand_id, store_id, member_id, action_id, reason, due_on, created_at)
                        values (:b, :s, :m, :a, :reason, :due, :at)
                        """)
                .bind("b", brandId).bind("s", storeId).bind("m", memberId).bind("a", actionId)
                .bind("reason", reason).bind("due", dueOn).bind("at", at)
                .then();
    }

    /** The store's tasks, optionally in one status, newest first after the keyset cursor. */
    /** The tasks of the brand, of one store when {@code storeId} is set, newest first. */
    /** Replaces the reason and note of the member's call-list tasks (the member's account was erased). */
    public Mono<Void> forget(long memberId) {
        return db.sql("update follow_up_task set reason = '会员已注销', note = null where member_id = :m")
                .bind("m", memberId).then();
    }

    public Flux<FollowUpTask> list(long brandId, Long storeId, FollowUpTask.Status status, Long afterId, int limit) {
        return db.sql("""
                        select * from follow_up_task
                        where brand_id = :b and (cast(:s as bigint) is null or store_id = :s)
                          and (cast(:status as text) is null or status = :status)
                          and (cast(:after as bigint) is null or id < :after)
                        order by id desc limit :limit
                        """)
                .bind("b", brandId).bind("s", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .bind("after", Parameter.fromOrEmpty(afterId, Long.class)).bind("limit", limit)
                .map(FollowUpRepository::toTask).all();
    }

    public Mono<Long> count(long brandId, Long storeId, FollowUpTask.Status status) {
        return db.sql("select count(*) as n from follow_up_task where brand_id = :b"
                        + " and (cast(:s as bigint) is null or store_id = :s)"
                        + " and (cast(:status as text) is null or status = :status)")
                .bind("b", brandId).bind("s", Parameter.fromOrEmpty(storeId, Long.class))
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .map(row -> row.get("n", Long.class)).one();
    }

    public Mono<FollowUpTask> find(long brandId, long id) {
        return db.sql("select * from follow_up_task where id = :id and brand_id = :b")
                .bind("id", id).bind("b", brandId).map(FollowUpRepository::toTask).one();
    }

    public Mono<FollowUpTask> update(long id, FollowUpTask.Status status, String note, long staffId, Instant at) {
        return db.sql("""
                        update follow_up_task set status = :status, note = coalesce(:note, note), updated_by = :staff,
                               updated_at = :at
                        where id = :id returning *
                        """)
                .bind("id", id).bind("status", status.name()).bind("note", Parameter.fromOrEmpty(note, String.class))
                .bind("staff", staffId).bind("at", at)
                .map(FollowUpRepository::toTask).one();
    }

    /** The staff's follow-up calls to the member, for their data export. */
    public Mono<String> exportFollowUps(long memberId) {
        return db.sql(PersonalData.asJsonArray(
                        "select reason, status, due_on, note from follow_up_task where member_id = :m order by id"))
                .bind("m", memberId).mapValue(String.class).one();
    }

    private static FollowUpTask toTask(Readable row) {
        return new FollowUpTask(row.get("id", Long.class), row.get("store_id", Long.class),
                row.get("member_id", Long.class), row.get("reason", String.class),
                FollowUpTask.Status.valueOf(row.get("status", String.class)), row.get("note", String.class),
                row.get("due_on", LocalDate.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
