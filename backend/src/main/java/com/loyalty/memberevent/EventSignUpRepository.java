package com.loyalty.memberevent;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL for sign-ups. Writers hold the event's row lock ({@link MemberEventRepository#lock}), so the
 * places taken and the waiting list change one sign-up at a time per event.
 */
@Repository
class EventSignUpRepository {

    /** Every column, with the waiting position (1 for the first waiting) of a WAITING sign-up. */
    private static final String COLUMNS = """
            s.*, case when s.status = 'WAITING' then (select count(*) from member_event_signup w
                 where w.event_id = s.event_id and w.status = 'WAITING' and w.queue_no <= s.queue_no) end as waiting_position
            """;

    private final DatabaseClient db;

    EventSignUpRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The member's sign-up for the event, whatever its status; empty when they never signed up. */
    public Mono<EventSignUp> find(long eventId, long memberId) {
        return db.sql("select " + COLUMNS + " from member_event_signup s where s.event_id = :e and s.member_id = :m")
                .bind("e", eventId).bind("m", memberId).map(EventSignUpRepository::toSignUp).one();
    }

    /**
     * Signs the member up with {@code status} at the back of the queue, under the event's terms now;
     * a cancelled sign-up of theirs is taken up again. Empty when they hold a live one.
     */
    public Mono<EventSignUp> signUp(MemberEvent event, long memberId, EventSignUp.Status status, Instant at) {
        return db.sql("""
                        insert into member_event_signup as s (event_id, member_id, status, queue_no, points, cancel_deadline,
                            event_version, signed_up_at, confirmed_at)
                        values (:e, :m, :status, nextval('member_event_queue'), :points, :deadline, :version, :at,
                            case when :status = 'CONFIRMED' then cast(:at as timestamptz) end)
                        on conflict (event_id, member_id) do update set status = excluded.status, queue_no = excluded.queue_no,
                            points = excluded.points, cancel_deadline = excluded.cancel_deadline,
                            event_version = excluded.event_version, signed_up_at = excluded.signed_up_at,
                            confirmed_at = excluded.confirmed_at, cancelled_at = null
                        where s.status = 'CANCELLED'
                        returning id
                        """)
                .bind("e", event.id()).bind("m", memberId).bind("status", status.name())
                .bind("points", event.points()).bind("deadline", event.cancelDeadline())
                .bind("version", event.version()).bind("at", at)
                .map(row -> row.get("id", Long.class)).one()
                .flatMap(id -> find(event.id(), memberId));
    }

    /** Cancels a live sign-up not yet checked in; false when it was checked in (or cancelled) meanwhile. */
    public Mono<Boolean> cancel(long signUpId, Instant at) {
        return db.sql("""
                        update member_event_signup set status = 'CANCELLED', cancelled_at = :at
                        where id = :id and status <> 'CANCELLED' and attended_at is null
                        """)
                .bind("id", signUpId).bind("at", at).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Moves the first on the event's waiting list up to a place; empty when nobody is waiting. */
    public Mono<EventSignUp> promoteFirstWaiting(long eventId, Instant at) {
        return db.sql("""
                        update member_event_signup set status = 'CONFIRMED', confirmed_at = :at
                        where id = (select id from member_event_signup where event_id = :e and status = 'WAITING'
                                    order by queue_no limit 1)
                        returning member_id
                        """)
                .bind("e", eventId).bind("at", at)
                .map(row -> row.get("member_id", Long.class)).one()
                .flatMap(memberId -> find(eventId, memberId));
    }

    /**
     * Records the attendance of a member holding a place, once: empty when they were already
     * checked in (or hold no place).
     */
    public Mono<EventSignUp> attend(long signUpId, Long staffId, long points, Instant at) {
        return db.sql("""
                        update member_event_signup set attended_at = :at, checked_in_by = :staff, points_awarded = :points
                        where id = :id and status = 'CONFIRMED' and attended_at is null
                        returning event_id, member_id
                        """)
                .bind("id", signUpId).bind("at", at).bind("points", points)
                .bind("staff", org.springframework.r2dbc.core.Parameter.fromOrEmpty(staffId, Long.class))
                .map(row -> new long[] {row.get("event_id", Long.class), row.get("member_id", Long.class)}).one()
                .flatMap(ids -> find(ids[0], ids[1]));
    }

    /**
     * Gives members already signed up (not yet attended) a change of terms in their favour: more points
     * or a later cancellation deadline; never less.
     */
    public Mono<Long> improveTerms(long eventId, long points, Instant cancelDeadline) {
        return db.sql("""
                        update member_event_signup set points = greatest(points, :points),
                            cancel_deadline = greatest(cancel_deadline, :deadline)
                        where event_id = :e and status <> 'CANCELLED' and attended_at is null
                          and (points < :points or cancel_deadline < :deadline)
                        """)
                .bind("e", eventId).bind("points", points).bind("deadline", cancelDeadline)
                .fetch().rowsUpdated();
    }

    /** Members signed up or waiting, to tell them the event is off. */
    public Flux<Long> liveMembers(long eventId) {
        return db.sql("select member_id from member_event_signup where event_id = :e and status <> 'CANCELLED' order by queue_no")
                .bind("e", eventId).map(row -> row.get("member_id", Long.class)).all();
    }

    /** The event's sign-ups in sign-up order (optionally of one status), after the cursor's queue number. */
    public Flux<EventSignUp> ofEvent(long eventId, EventSignUp.Status status, Long afterQueueNo, int limit) {
        return db.sql("select " + COLUMNS + " from member_event_signup s where s.event_id = :e"
                        + " and (:status = '' or s.status = :status)"
                        + " and s.queue_no > :after order by s.queue_no limit :limit")
                .bind("e", eventId).bind("status", status == null ? "" : status.name())
                .bind("after", afterQueueNo == null ? 0L : afterQueueNo).bind("limit", limit)
                .map(EventSignUpRepository::toSignUp).all();
    }

    public Mono<Long> countOfEvent(long eventId, EventSignUp.Status status) {
        return db.sql("select count(*) as n from member_event_signup where event_id = :e"
                        + " and (:status = '' or status = :status)")
                .bind("e", eventId).bind("status", status == null ? "" : status.name())
                .map(row -> row.get("n", Long.class)).one();
    }

    /** The member's sign-ups, newest first, before the cursor id. */
    public Flux<EventSignUp> ofMember(long memberId, Long beforeId, int limit) {
        return db.sql("select " + COLUMNS + " from member_event_signup s where s.member_id = :m and s.id < :before"
                        + " order by s.id desc limit :limit")
                .bind("m", memberId).bind("before", beforeId == null ? Long.MAX_VALUE : beforeId).bind("limit", limit)
                .map(EventSignUpRepository::toSignUp).all();
    }

    public Mono<Long> countOfMember(long memberId) {
        return db.sql("select count(*) as n from member_event_signup where member_id = :m")
                .bind("m", memberId).map(row -> row.get("n", Long.class)).one();
    }

    /** The latest {@code limit} sign-ups of each of these members, newest first, in one query. */
    public Flux<EventSignUp> latestOfMembers(Collection<Long> memberIds, int limit) {
        return db.sql("select * from (select " + COLUMNS + ", row_number() over (partition by s.member_id order by s.id desc) as nth"
                        + " from member_event_signup s where s.member_id = any(:m)) x where x.nth <= :limit"
                        + " order by x.member_id, x.id desc")
                .bind("m", memberIds.toArray(Long[]::new)).bind("limit", limit)
                .map(EventSignUpRepository::toSignUp).all();
    }

    /** The member's sign-ups of these events (for mySignUp on a list), in one query. */
    public Flux<EventSignUp> ofMemberAt(long memberId, Collection<Long> eventIds) {
        return db.sql("select " + COLUMNS + " from member_event_signup s where s.member_id = :m and s.event_id = any(:e)")
                .bind("m", memberId).bind("e", eventIds.toArray(Long[]::new))
                .map(EventSignUpRepository::toSignUp).all();
    }

    /**
     * The member's places and waiting-list entries in events that have not started by {@code now} and
     * are still on (published or paused), oldest sign-up first.
     */
    public Flux<EventSignUp> upcomingOf(long memberId, Instant now) {
        return db.sql("select " + COLUMNS + " from member_event_signup s join member_event e on e.id = s.event_id"
                        + " where s.member_id = :m and s.status in ('CONFIRMED', 'WAITING') and s.attended_at is null"
                        + " and e.starts_at > :now and e.status in ('PUBLISHED', 'PAUSED') order by s.id")
                .bind("m", memberId).bind("now", now).map(EventSignUpRepository::toSignUp).all();
    }

    /** The member's sign-ups with their events' titles, for their data export. */
    public Mono<String> exportOf(long memberId) {
        return db.sql(com.loyalty.privacy.PersonalData.asJsonArray("""
                        select e.title, e.starts_at, s.status, s.points, s.signed_up_at, s.cancelled_at, s.attended_at,
                               s.points_awarded
                        from member_event_signup s join member_event e on e.id = s.event_id
                        where s.member_id = :m order by s.id"""))
                .bind("m", memberId).mapValue(String.class).one();
    }

    static EventSignUp toSignUp(Readable row) {
        Long position = row.get("waiting_position", Long.class);
        return new EventSignUp(row.get("id", Long.class), row.get("event_id", Long.class), row.get("member_id", Long.class),
                EventSignUp.Status.valueOf(row.get("status", String.class)), row.get("queue_no", Long.class),
                position == null ? null : position.intValue(), row.get("points", Long.class),
                row.get("cancel_deadline", Instant.class), row.get("event_version", Integer.class),
                row.get("signed_up_at", Instant.class), row.get("confirmed_at", Instant.class),
                row.get("cancelled_at", Instant.class), row.get("attended_at", Instant.class),
                row.get("checked_in_by", Long.class), row.get("points_awarded", Long.class));
    }
}
