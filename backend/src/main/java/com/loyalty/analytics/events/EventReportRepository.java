package com.loyalty.analytics.events;

import com.loyalty.analytics.AnalyticsScope;
import com.loyalty.analytics.shared.ScopedMembers;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * SQL behind the events report: the events that start in a window of the scope (drafts left out)
 * with their sign-up counts, and the purchases of their attendees and non-attendees after them.
 */
@Repository
class EventReportRepository {

    /** The scope's events starting in [:from, :to); binds :b (brand), :s (store or null). */
    private static final String EVENTS = """
            e.brand_id = :b and (cast(:s as bigint) is null or e.store_id = :s) and e.status <> 'DRAFT'
              and e.starts_at >= :from and e.starts_at < :to""";

    private final DatabaseClient db;

    EventReportRepository(DatabaseClient db) {
        this.db = db;
    }

    /** An event's sign-up counts as read at :now; {@code over}: it ended and was not cancelled. */
    record EventRow(long id, String title, long storeId, String storeName, Instant startsAt, Instant endsAt,
                    String status, boolean over, int capacity, int confirmed, int waiting, int cancelled, int attended,
                    int noShows, long points) {
    }

    /** Every event of the window, newest start first. */
    Flux<EventRow> events(AnalyticsScope scope, Instant from, Instant to, Instant now) {
        return db.sql("""
                        select e.id, e.title, e.store_id, st.name as store_name, e.starts_at, e.ends_at, e.capacity,
                               case when e.status in ('PUBLISHED', 'PAUSED') and e.ends_at <= :now then 'FINISHED'
                                    else e.status end as status,
                               (e.status in ('PUBLISHED', 'PAUSED') and e.ends_at <= :now) as over,
                               count(s.id) filter (where s.status = 'CONFIRMED') as confirmed,
                               count(s.id) filter (where s.status = 'WAITING') as waiting,
                               count(s.id) filter (where s.status = 'CANCELLED') as cancelled,
                               count(s.id) filter (where s.attended_at is not null) as attended,
                               count(s.id) filter (where s.status = 'CONFIRMED' and s.attended_at is null
                                                   and e.status in ('PUBLISHED', 'PAUSED') and e.ends_at <= :now) as no_shows,
                               coalesce(sum(s.points_awarded), 0)::bigint as points
                        from member_event e join store st on st.id = e.store_id
                        left join member_event_signup s on s.event_id = e.id
                        where %s
                        group by e.id, st.name
                        order by e.starts_at desc, e.id desc
                        """.formatted(EVENTS))
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .bind("from", from).bind("to", to).bind("now", now)
                .map(row -> new EventRow(row.get("id", Long.class), row.get("title", String.class),
                        row.get("store_id", Long.class), row.get("store_name", String.class),
                        row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                        row.get("status", String.class), Boolean.TRUE.equals(row.get("over", Boolean.class)),
                        row.get("capacity", Integer.class), row.get("confirmed", Long.class).intValue(),
                        row.get("waiting", Long.class).intValue(), row.get("cancelled", Long.class).intValue(),
                        row.get("attended", Long.class).intValue(), row.get("no_shows", Long.class).intValue(),
                        row.get("points", Long.class)))
                .all();
    }

    /** One event's group of sign-ups (attended or not) and what they bought in the window after its end. */
    record GroupRow(long eventId, boolean attended, EventGroupPurchases purchases) {
    }

    /**
     * For each event of the window that is over (ended by :now, not cancelled): its attendees and its
     * other sign-ups (no-shows, cancelled, waiting), each with their orders at any store of the brand in
     * the {@code days} after the event's end (fully refunded orders left out, sales less refunds).
     */
    Flux<GroupRow> purchasesAfter(AnalyticsScope scope, Instant from, Instant to, Instant now, int days) {
        return db.sql("""
                        with signed as (
                            select s.event_id, e.ends_at, s.member_id, s.attended_at is not null as attended
                            from member_event e join member_event_signup s on s.event_id = e.id
                            where %s and e.status in ('PUBLISHED', 'PAUSED') and e.ends_at <= :now
                        )
                        select g.event_id, g.attended, count(*) as members, count(*) filter (where b.orders > 0) as buyers,
                               coalesce(sum(b.orders), 0)::bigint as orders, coalesce(sum(b.sales), 0)::bigint as sales
                        from signed g cross join lateral (
                            select count(*) as orders, coalesce(sum(p.amount_cents - p.refunded_cents), 0) as sales
                            from purchase p
                            where p.member_id = g.member_id and p.occurred_at > g.ends_at
                              and p.occurred_at <= g.ends_at + make_interval(days => :days)
                              and p.refunded_cents < p.amount_cents
                        ) b
                        group by g.event_id, g.attended
                        """.formatted(EVENTS))
                .bind("b", scope.brandId()).bind("s", ScopedMembers.store(scope))
                .bind("from", from).bind("to", to).bind("now", now).bind("days", days)
                .map(row -> new GroupRow(row.get("event_id", Long.class), Boolean.TRUE.equals(row.get("attended", Boolean.class)),
                        new EventGroupPurchases(row.get("members", Long.class).intValue(),
                                row.get("buyers", Long.class).intValue(), row.get("orders", Long.class),
                                row.get("sales", Long.class))))
                .all();
    }
}
