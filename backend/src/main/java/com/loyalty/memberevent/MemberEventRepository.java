package com.loyalty.memberevent;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for member events: the events, their places, and the counts of the lists. */
@Repository
class MemberEventRepository {

    /** The status as read at :now: FINISHED once a published or paused event has ended. */
    static final String STATUS_NOW = "(case when e.status in ('PUBLISHED', 'PAUSED') and e.ends_at <= :now"
            + " then 'FINISHED' else e.status end)";

    private final DatabaseClient db;

    MemberEventRepository(DatabaseClient db) {
        this.db = db;
    }

    /** What a new event or a change of terms writes. */
    record Terms(long storeId, String title, String description, String pictureUrl, Instant startsAt, Instant endsAt,
                 int capacity, Integer minTierLevel, List<Long> tagIds, Instant signUpOpensAt, Instant signUpClosesAt,
                 long points, Instant cancelDeadline) {

        static Terms of(MemberEvent e) {
            return new Terms(e.storeId(), e.title(), e.description(), e.pictureUrl(), e.startsAt(), e.endsAt(),
                    e.capacity(), e.minTierLevel(), e.tagIds(), e.signUpOpensAt(), e.signUpClosesAt(), e.points(),
                    e.cancelDeadline());
        }
    }

    public Mono<MemberEvent> insert(long brandId, Terms t, Long staffId, Instant at) {
        return bind(db.sql("""
                        insert into member_event (brand_id, store_id, title, description, picture_url, starts_at, ends_at,
                            capacity, min_tier, tag_ids, signup_opens_at, signup_closes_at, points, cancel_deadline,
                            created_by, created_at, updated_at)
                        values (:brand, :store, :title, :description, :picture, :startsAt, :endsAt, :capacity, :minTier,
                            :tags, :opens, :closes, :points, :deadline, :staff, :at, :at)
                        returning *
                        """), t)
                .bind("brand", brandId).bind("staff", Parameter.fromOrEmpty(staffId, Long.class)).bind("at", at)
                .map(MemberEventRepository::toEvent).one();
    }

    /** Writes new terms and takes a new version. */
    public Mono<MemberEvent> update(long id, Terms t, Instant at) {
        return bind(db.sql("""
                        update member_event set store_id = :store, title = :title, description = :description,
                            picture_url = :picture, starts_at = :startsAt, ends_at = :endsAt, capacity = :capacity,
                            min_tier = :minTier, tag_ids = :tags, signup_opens_at = :opens, signup_closes_at = :closes,
                            points = :points, cancel_deadline = :deadline, version = version + 1, updated_at = :at
                        where id = :id returning *
                        """), t)
                .bind("id", id).bind("at", at)
                .map(MemberEventRepository::toEvent).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Terms t) {
        return spec.bind("store", t.storeId()).bind("title", t.title()).bind("description", t.description())
                .bind("picture", Parameter.fromOrEmpty(t.pictureUrl(), String.class))
                .bind("startsAt", t.startsAt()).bind("endsAt", t.endsAt()).bind("capacity", t.capacity())
                .bind("minTier", Parameter.fromOrEmpty(t.minTierLevel(), Integer.class))
                .bind("tags", t.tagIds().toArray(Long[]::new))
                .bind("opens", t.signUpOpensAt()).bind("closes", t.signUpClosesAt()).bind("points", t.points())
                .bind("deadline", t.cancelDeadline());
    }

    public Mono<MemberEvent> setStatus(long id, MemberEventStatus status, String reason, Instant at) {
        return db.sql("""
                        update member_event set status = :status, updated_at = :at,
                            cancelled_at = case when :status = 'CANCELLED' then :at else cancelled_at end,
                            cancel_reason = case when :status = 'CANCELLED' then :reason else cancel_reason end
                        where id = :id returning *
                        """)
                .bind("id", id).bind("status", status.name()).bind("at", at)
                .bind("reason", Parameter.fromOrEmpty(reason, String.class))
                .map(MemberEventRepository::toEvent).one();
    }

    /** The brand's event; empty for another brand's or none. */
    public Mono<MemberEvent> find(long brandId, long id) {
        return db.sql("select * from member_event where id = :id and brand_id = :brand")
                .bind("id", id).bind("brand", brandId).map(MemberEventRepository::toEvent).one();
    }

    /** The event, its row locked until the transaction ends: sign-ups, cancels and promotions of one event go one at a time. */
    public Mono<MemberEvent> lock(long id) {
        return db.sql("select * from member_event where id = :id for update")
                .bind("id", id).map(MemberEventRepository::toEvent).one();
    }

    public Flux<MemberEvent> findByIds(Collection<Long> ids) {
        return db.sql("select * from member_event where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new)).map(MemberEventRepository::toEvent).all();
    }

    /** Changes the places taken by {@code delta}. */
    public Mono<Void> addPlaces(long id, int delta) {
        return db.sql("update member_event set confirmed = confirmed + :d where id = :id")
                .bind("id", id).bind("d", delta).then();
    }

    /** The conditions of a staff list: brand, an optional store and title pattern; status apart. */
    record Where(long brandId, Long storeId, String pattern) {
    }

    /** Up to {@code limit} events matching, newest first, before the cursor id. */
    public Flux<MemberEvent> page(Where w, MemberEventStatus status, Instant now, Long beforeId, int limit) {
        return bindWhere(db.sql("select e.* from member_event e where " + where(w)
                        + " and (:status = '' or " + STATUS_NOW + " = :status) and e.id < :before"
                        + " order by e.id desc limit :limit"), w)
                .bind("now", now)
                .bind("status", status == null ? "" : status.name())
                .bind("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .bind("limit", limit)
                .map(MemberEventRepository::toEvent).all();
    }

    /** How many events match in each status (every list condition but the status). */
    public Flux<MemberEventPayloads.StatusCount> statusCounts(Where w, Instant now) {
        return bindWhere(db.sql("select " + STATUS_NOW + " as status, count(*) as n from member_event e where "
                        + where(w) + " group by 1"), w)
                .bind("now", now)
                .map(row -> new MemberEventPayloads.StatusCount(MemberEventStatus.valueOf(row.get("status", String.class)),
                        row.get("n", Long.class).intValue()))
                .all();
    }

    private static String where(Where w) {
        return "e.brand_id = :brand" + (w.storeId() == null ? "" : " and e.store_id = :store")
                + (w.pattern() == null ? "" : " and e.title ilike :pattern escape '\\'");
    }

    private static DatabaseClient.GenericExecuteSpec bindWhere(DatabaseClient.GenericExecuteSpec spec, Where w) {
        spec = spec.bind("brand", w.brandId());
        if (w.storeId() != null) {
            spec = spec.bind("store", w.storeId());
        }
        return w.pattern() == null ? spec : spec.bind("pattern", w.pattern());
    }

    /**
     * Events a member may see in their list: published or paused, not yet ended, of the brand; the
     * audience is the caller's to check. Newest first, before the cursor id.
     */
    public Flux<MemberEvent> visibleToMembers(long brandId, Instant now, Long beforeId, int limit) {
        return db.sql("""
                        select * from member_event
                        where brand_id = :brand and status in ('PUBLISHED', 'PAUSED') and ends_at > :now and id < :before
                        order by id desc limit :limit
                        """)
                .bind("brand", brandId).bind("now", now).bind("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .bind("limit", limit)
                .map(MemberEventRepository::toEvent).all();
    }

    /** One event's numbers. */
    record Numbers(long eventId, MemberEventStats stats) {
    }

    /** Each event's numbers, in one query; no-shows only for events ended by :now. */
    public Flux<Numbers> stats(Collection<Long> eventIds, Instant now) {
        return db.sql("""
                        select e.id,
                          count(s.id) filter (where s.status = 'CONFIRMED') as signed_up,
                          count(s.id) filter (where s.status = 'WAITING') as waiting,
                          count(s.id) filter (where s.status = 'CANCELLED') as cancelled,
                          count(s.id) filter (where s.attended_at is not null) as attended,
                          count(s.id) filter (where s.status = 'CONFIRMED' and s.attended_at is null
                                              and e.ends_at <= :now and e.status <> 'CANCELLED') as no_shows,
                          coalesce(sum(s.points_awarded), 0) as points
                        from member_event e left join member_event_signup s on s.event_id = e.id
                        where e.id = any(:ids) group by e.id
                        """)
                .bind("ids", eventIds.toArray(Long[]::new)).bind("now", now)
                .map(row -> new Numbers(row.get("id", Long.class), new MemberEventStats(
                        row.get("signed_up", Long.class).intValue(), row.get("waiting", Long.class).intValue(),
                        row.get("cancelled", Long.class).intValue(), row.get("attended", Long.class).intValue(),
                        row.get("no_shows", Long.class).intValue(), row.get("points", Number.class).longValue())))
                .all();
    }

    static MemberEvent toEvent(Readable row) {
        Long[] tags = row.get("tag_ids", Long[].class);
        return new MemberEvent(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("store_id", Long.class),
                row.get("title", String.class), row.get("description", String.class), row.get("picture_url", String.class),
                row.get("starts_at", Instant.class), row.get("ends_at", Instant.class), row.get("capacity", Integer.class),
                row.get("min_tier", Integer.class), tags == null ? List.of() : Arrays.asList(tags),
                row.get("signup_opens_at", Instant.class), row.get("signup_closes_at", Instant.class),
                row.get("points", Long.class), row.get("cancel_deadline", Instant.class),
                MemberEventStatus.valueOf(row.get("status", String.class)), row.get("version", Integer.class),
                row.get("confirmed", Integer.class), row.get("created_by", Long.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                row.get("cancelled_at", Instant.class), row.get("cancel_reason", String.class));
    }
}
