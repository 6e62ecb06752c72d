package com.loyalty.analytics.rollup;

/**
 * The SQL shared by the economy rollup job and the reads behind it: what a business day's points
 * and coupons come to from the raw tables, and a read that takes rolled-up days from the rollup
 * tables and every other day (today, days not rolled up, dirty days) from the raw tables.
 * In the raw templates {@code %1$s} and {@code %2$s} bound the time window and {@code %3$s}
 * restricts the business day; they bind {@code :b} (brand) and {@code :zone}.
 */
public final class EconomyRollupSql {

    /** Points per day, store and kind: the entry's store, else the member's registration store. */
    public static final String POINTS_BY_DAY = """
            select (l.created_at at time zone :zone)::date as day,
                   coalesce(l.store_id, m.registration_store_id) as store_id, l.kind,
                   sum(greatest(l.delta, 0))::bigint as credited, sum(greatest(-l.delta, 0))::bigint as debited,
                   count(*)::int as entries
            from points_ledger l join member m on m.id = l.member_id
            where l.brand_id = :b and l.created_at >= %1$s and l.created_at < %2$s
              and (l.created_at at time zone :zone)::date %3$s
            group by 1, 2, 3
            """;

    /**
     * Coupons per day, store and template: issued on the day the member got them (at the member's
     * registration store), redeemed on the day of the purchase that used them (at its store), the
     * purchase's coupon discount shared evenly among its coupons (the lowest id takes the odd cents).
     */
    public static final String COUPONS_BY_DAY = """
            select day, store_id, template_id, sum(issued)::int as issued, sum(redeemed)::int as redeemed,
                   sum(discount)::bigint as discount_cents
            from (
                select (c.obtained_at at time zone :zone)::date as day, m.registration_store_id as store_id,
                       c.template_id, 1 as issued, 0 as redeemed, 0::bigint as discount
                from member_coupon c join member m on m.id = c.member_id
                where m.brand_id = :b and c.obtained_at >= %1$s and c.obtained_at < %2$s
                  and (c.obtained_at at time zone :zone)::date %3$s
                union all
                select (p.occurred_at at time zone :zone)::date, p.store_id, c.template_id, 0, 1,
                       p.coupon_discount_cents / u.n
                           + case when c.id = u.first_id then p.coupon_discount_cents %% u.n else 0 end
                from purchase p
                join lateral (select count(*) as n, min(id) as first_id from member_coupon
                              where purchase_id = p.id) u on u.n > 0
                join member_coupon c on c.purchase_id = p.id
                where p.brand_id = :b and p.occurred_at >= %1$s and p.occurred_at < %2$s
                  and (p.occurred_at at time zone :zone)::date %3$s
            ) x
            group by 1, 2, 3
            """;

    /** The days of {@code :days} (text[]) between explicit instants {@code :lo} and {@code :hi}: for the job. */
    static String forDays(String raw) {
        return raw.formatted(":lo", ":hi", "= any(cast(:days as date[]))");
    }

    /**
     * Rows for {@code :from..:to} of the given columns: rolled-up days (before {@code :today},
     * computed and not dirty) from {@code table}, all others from the raw template; filtered to
     * store {@code :s} when set, then selected and grouped by {@code selectList} and {@code groupBy}.
     */
    public static String read(String table, String columns, String raw, String selectList, String groupBy) {
        String live = raw.formatted(
                "(select min(day)::timestamp at time zone :zone from missing)",
                "(select (max(day) + 1)::timestamp at time zone :zone from missing)",
                "in (select day from missing)");
        return """
                with ready as (
                    select day from analytics_economy_day
                    where brand_id = :b and day between :from and :to and day < :today
                      and computed_at is not null and not dirty
                ),
                missing as (
                    select d::date as day from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
                    where d::date not in (select day from ready)
                ),
                rows as (
                    select %1$s from %2$s where brand_id = :b and day in (select day from ready)
                    union all
                    select %1$s from (%3$s) live
                )
                """.formatted(columns, table, live)
                + "select " + selectList + " from rows where (cast(:s as bigint) is null or store_id = :s) " + groupBy;
    }

    private EconomyRollupSql() {
    }
}
