-- Member x month rollups: analytics_member_month, summed from analytics_member_day, so
-- distinct-member counts over whole months (memberActivity, salesAnalytics by month or over a
-- year, high-value retention) read one row per member and month instead of one per member and
-- day; analytics_points_month, what each member's points did in the month (points redemption).
-- Filled by the ANALYTICS_ROLLUP job (and backfillAnalytics) for months whose days are all rolled
-- up; a month is read from them only while analytics_rollup_month lists it and none of its days is
-- stale (rolling a day up again drops the month's listing until the month is summed again).
-- Months rolled up before this migration are listed once backfillAnalytics rolls them up again.

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

-- Per member and month (by the ledger entries' time in the brand's zone; entries are written at
-- the time they happen, so a finished month never changes): the points moved (sum of delta),
-- whether any were received, whether any were spent (at the till, for coupons, for make-ups).
create table analytics_points_month (
    brand_id  bigint  not null references brand (id),
    month     date    not null,
    member_id bigint  not null references member (id),
    moved     bigint  not null,
    received  boolean not null,
    spent     boolean not null,
    primary key (brand_id, month, member_id)
);
alter table analytics_points_month set (parallel_workers = 0);

-- Members who bought at a store (the store scope of the health check and other analytics).
create index if not exists purchase_store_member on purchase (store_id, member_id);
