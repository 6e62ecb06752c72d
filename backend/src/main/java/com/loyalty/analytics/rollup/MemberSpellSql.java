package com.loyalty.analytics.rollup;

/**
 * Spells of members' counted purchase days (see analytics_member_spell): the one definition the
 * rollup stores and reads compute live. Binds :b (brand), :zone and :n (days without a purchase
 * after which a member has churned).
 */
final class MemberSpellSql {

    /** Each member's purchase days that have a counted order, as one-day spells, of the purchases meeting the condition. */
    public static String days(String condition) {
        return """
                select p.member_id, (p.occurred_at at time zone :zone)::date as first_day,
                       (p.occurred_at at time zone :zone)::date as last_day,
                       count(*) filter (where p.refunded_cents < p.amount_cents)::int as orders,
                       sum(floor((p.amount_cents - p.coupon_discount_cents - p.redeemed_cents)::numeric
                                 * (p.amount_cents - p.refunded_cents) / p.amount_cents))::bigint as value_cents
                from purchase p
                where p.brand_id = :b and p.member_id is not null and %s
                group by 1, 2, 3
                having count(*) filter (where p.refunded_cents < p.amount_cents) > 0
                """.formatted(condition);
    }

    /**
     * The spells made of a query's rows (member_id, first_day, last_day, orders, value_cents): rows
     * of a member whose days lie at most :n days apart merge into one spell, their orders and value added.
     */
    public static String spells(String rows) {
        return """
                select member_id, min(first_day) as first_day, max(last_day) as last_day, sum(orders)::int as orders,
                       sum(value_cents)::bigint as value_cents
                from (
                    select *, sum(starts) over (partition by member_id order by first_day, last_day) as spell
                    from (
                        select *, case when first_day - max(last_day) over (partition by member_id
                                           order by first_day, last_day rows between unbounded preceding and 1 preceding)
                                           <= :n then 0 else 1 end as starts
                        from (%s) spell_rows
                    ) marked
                ) numbered
                group by member_id, spell
                """.formatted(rows);
    }

    private MemberSpellSql() {
    }
}
