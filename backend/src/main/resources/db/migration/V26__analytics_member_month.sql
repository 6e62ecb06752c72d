-- Member x month rollup, summed from analytics_member_day, so distinct-member counts over whole
-- months (memberActivity, salesAnalytics by month or over a year) read one row per member and
-- month instead of one per member and day. Filled by the ANALYTICS_ROLLUP job (and backfills) for
-- months whose days are all rolled up; a month is read from here only while analytics_rollup_month
-- lists it and none of its days is stale (rolling a day up again drops the month's listing until
-- the month is summed again).

-- Months whose analytics_member_month rows are complete.
create table analytics_rollup_month (
    brand_id     bigint      not null references brand (id),
    month        date        not null,
    rolled_up_at timestamptz not null,
    primary key (brand_id, month)
);

-- all_stores: the member's numbers across the brand (store_id null); otherwise at store_id
-- (null: no store), as in analytics_member_day.
create table analytics_member_month (
    brand_id     bigint  not null references brand (id),
    month        date    not null,
    all_stores   boolean not null,
    store_id     bigint references store (id),
    member_id    bigint  not null references member (id),
    orders       int     not null,
    sales_cents  bigint  not null,
    checked_in   boolean not null,
    points_spent bigint  not null,
    unique nulls not distinct (brand_id, month, all_stores, store_id, member_id)
);

-- Reads of a scope's months are index-only scans of this index. On a small machine a parallel
-- plan of the counts (tens of thousands of rows) costs more than it saves, so none is planned.
create index analytics_member_month_scope on analytics_member_month (brand_id, all_stores, month, store_id)
    include (member_id, orders, checked_in, points_spent);
alter table analytics_member_month set (parallel_workers = 0);

-- Months already rolled up day by day before this table existed.
insert into analytics_rollup_month (brand_id, month, rolled_up_at)
select brand_id, month, now()
from (select r.brand_id, date_trunc('month', r.day)::date as month from analytics_rollup_day r
      where not exists (select 1 from analytics_stale_day s where s.brand_id = r.brand_id and s.day = r.day)) fresh
group by brand_id, month
having count(*) = extract(day from month + interval '1 month' - interval '1 day');

insert into analytics_member_month (brand_id, month, all_stores, store_id, member_id, orders, sales_cents,
                                    checked_in, points_spent)
select d.brand_id, c.month, grouping(d.store_id) = 1, d.store_id, d.member_id, sum(d.orders), sum(d.sales_cents),
       bool_or(d.checked_in), sum(d.points_spent)
from analytics_member_day d
join analytics_rollup_month c on c.brand_id = d.brand_id and d.day >= c.month and d.day < c.month + interval '1 month'
group by d.brand_id, c.month, grouping sets ((d.store_id, d.member_id), (d.member_id));
