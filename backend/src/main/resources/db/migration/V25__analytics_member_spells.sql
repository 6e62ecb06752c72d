-- Per member, the spells of their counted purchase days (orders not fully refunded) in the brand's
-- zone, for churn and lifetime values without reading every purchase. Consecutive purchase days at
-- most churned_days apart share a spell; a member bought within the churned_days before day T
-- exactly when some spell has first_day < T <= last_day + churned_days. orders and value_cents are
-- the spell's counted orders and value (paid x (amount - refunded) / amount, rounded down per order).
--
-- Rows are computed from the raw purchases before the day after the last rolled-up day: for every
-- member when the brand's spells are built (analytics_member_spell_build, for one churned_days and
-- zone), and again for the members who bought on a day whenever that day is rolled up. Readers
-- compute a member from the raw purchases when they bought on an earlier day read live (stale, or
-- never rolled up), and add later purchases (today's) to the stored rows, so answers are always current.
create table analytics_member_spell (
    brand_id    bigint not null references brand (id),
    member_id   bigint not null references member (id),
    first_day   date   not null,
    last_day    date   not null,
    orders      int    not null,
    value_cents bigint not null,
    primary key (brand_id, member_id, first_day)
);

-- Brands whose spells were built, and for which churned_days and zone; none or another: rebuilt
-- by the next rollup run and computed from the raw purchases until then.
create table analytics_member_spell_build (
    brand_id     bigint      primary key references brand (id),
    churned_days int         not null,
    zone         text        not null,
    built_at     timestamptz not null
);

