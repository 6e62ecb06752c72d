package com.loyalty.analytics.rollup;

/**
 * The numbers of business days computed from the raw tables (purchase, checkin, points_ledger,
 * member): the one definition both the nightly rollup stores and live reads use. Each statement
 * binds :b (brand), :zone, :lo and :hi (instants around the days) and :days (the business days).
 * <ul>
 * <li>Orders count unless fully refunded; sales are the order total less refunds.</li>
 * <li>A check-in counts on the day the member made it (a make-up on the day it was made), at the
 * member's registration store.</li>
 * <li>Points spent: paid at the till, for coupons, for make-up check-ins, in the points mall and for
 * lottery draws ({@code LedgerKinds.SPENDING}); at the till's store, else the member's registration
 * store.</li>
 * </ul>
 */
final class RawDaysSql {

    /** The ledger kinds that spend points (as in the partial index points_ledger_spending, V90). */
    static final String SPENT_KINDS = com.loyalty.analytics.shared.LedgerKinds.SPENDING_SQL;

    /** Additive numbers per day and store. */
    static final String STORE_DAYS = """
            select day, store_id, sum(member_orders)::int as member_orders,
                   sum(member_sales)::bigint as member_sales_cents, sum(guest_orders)::int as guest_orders,
                   sum(guest_sales)::bigint as guest_sales_cents, sum(checkins)::int as checkins,
                   sum(points_spent)::bigint as points_spent, sum(phones_bound)::int as phones_bound
            from (
                select (p.occurred_at at time zone :zone)::date as day, p.store_id,
                       count(*) filter (where p.member_id is not null) as member_orders,
                       coalesce(sum(p.amount_cents - p.refunded_cents) filter (where p.member_id is not null), 0)
                           as member_sales,
                       count(*) filter (where p.member_id is null) as guest_orders,
                       coalesce(sum(p.amount_cents - p.refunded_cents) filter (where p.member_id is null), 0)
                           as guest_sales,
                       0 as checkins, 0 as points_spent, 0 as phones_bound
                from purchase p
                where p.brand_id = :b and p.occurred_at >= :lo and p.occurred_at < :hi
                  and p.refunded_cents < p.amount_cents
                group by 1, 2
                union all
                select (c.created_at at time zone :zone)::date, m.registration_store_id, 0, 0, 0, 0, count(*), 0, 0
                from checkin c join member m on m.id = c.member_id
                where m.brand_id = :b and c.created_at >= :lo and c.created_at < :hi
                group by 1, 2
                union all
                select (l.created_at at time zone :zone)::date, coalesce(l.store_id, m.registration_store_id),
                       0, 0, 0, 0, 0, -sum(l.delta), 0
                from points_ledger l join member m on m.id = l.member_id
                where l.brand_id = :b and l.kind in""" + " " + SPENT_KINDS + """

                  and l.created_at >= :lo and l.created_at < :hi
                group by 1, 2
                union all
                select (m.phone_bound_at at time zone :zone)::date, m.registration_store_id, 0, 0, 0, 0, 0, 0, count(*)
                from member m
                where m.brand_id = :b and m.phone_bound_at >= :lo and m.phone_bound_at < :hi
                group by 1, 2
            ) raw
            where day = any(:days)
            group by day, store_id
            """;

    /** Members who registered, per day, registration store and channel, and how many had a phone by that day's end. */
    static final String NEW_MEMBERS = """
            select (m.registered_at at time zone :zone)::date as day, m.registration_store_id as store_id,
                   m.registration_channel as channel, count(*)::int as members,
                   count(*) filter (where m.phone_bound_at < (((m.registered_at at time zone :zone)::date + 1)::timestamp
                                                              at time zone :zone))::int as with_phone
            from member m
            where m.brand_id = :b and m.registered_at >= :lo and m.registered_at < :hi
              and (m.registered_at at time zone :zone)::date = any(:days)
            group by 1, 2, 3
            """;

    /** One row per member, store and day with a counted order, a check-in or points spent. */
    static final String MEMBER_DAYS = """
            select day, store_id, member_id, sum(orders)::int as orders, sum(sales)::bigint as sales_cents,
                   bool_or(checked_in) as checked_in, sum(spent)::bigint as points_spent
            from (
                select (p.occurred_at at time zone :zone)::date as day, p.store_id, p.member_id, 1 as orders,
                       p.amount_cents - p.refunded_cents as sales, false as checked_in, 0::bigint as spent
                from purchase p
                where p.brand_id = :b and p.member_id is not null and p.occurred_at >= :lo and p.occurred_at < :hi
                  and p.refunded_cents < p.amount_cents
                union all
                select (c.created_at at time zone :zone)::date, m.registration_store_id, c.member_id, 0, 0, true, 0
                from checkin c join member m on m.id = c.member_id
                where m.brand_id = :b and c.created_at >= :lo and c.created_at < :hi
                union all
                select (l.created_at at time zone :zone)::date, coalesce(l.store_id, m.registration_store_id),
                       l.member_id, 0, 0, false, -l.delta
                from points_ledger l join member m on m.id = l.member_id
                where l.brand_id = :b and l.kind in""" + " " + SPENT_KINDS + """

                  and l.created_at >= :lo and l.created_at < :hi
            ) raw
            where day = any(:days)
            group by day, store_id, member_id
            """;

    private RawDaysSql() {
    }
}
