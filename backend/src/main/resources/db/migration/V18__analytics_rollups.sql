-- Daily rollups for the analytics (per brand x store x business day in the brand's zone), the
-- time a member bound their phone, and indexes for computing a day from the raw tables.
--
-- A day is read from the rollups only when analytics_rollup_day lists it and analytics_stale_day
-- does not; any other day (today, a day never rolled up, a day changed since) is computed live
-- from the raw tables, so answers are always current. store_id null: no store (a member who
-- joined in the mini-program without a store, and their check-ins and points spent there).

alter table member add column phone_bound_at timestamptz;
update member set phone_bound_at = registered_at where phone_hash is not null;

-- Days whose rollup rows are complete.
create table analytics_rollup_day (
    brand_id     bigint      not null references brand (id),
    day          date        not null,
    rolled_up_at timestamptz not null,
    primary key (brand_id, day)
);

-- Rolled-up days whose raw data changed later (an order imported for a past day, a refund of a
-- past order): read live until the next rollup. version: the job clears a mark only if it is
-- still the one it read.
create sequence analytics_stale_version;
create table analytics_stale_day (
    brand_id bigint not null references brand (id),
    day      date   not null,
    version  bigint not null,
    primary key (brand_id, day)
);

-- Additive numbers of a store's day. Orders count unless fully refunded; sales are net of refunds.
create table analytics_store_day (
    brand_id           bigint not null references brand (id),
    store_id           bigint references store (id),
    day                date   not null,
    member_orders      int    not null,
    member_sales_cents bigint not null,
    guest_orders       int    not null,
    guest_sales_cents  bigint not null,
    checkins           int    not null,
    points_spent       bigint not null,
    phones_bound       int    not null,
    unique nulls not distinct (brand_id, day, store_id)
);

-- Members who registered on the day, by registration store and channel; with_phone: those who
-- had bound a phone by the end of that day.
create table analytics_new_members_day (
    brand_id   bigint not null references brand (id),
    store_id   bigint references store (id),
    day        date   not null,
    channel    text   not null,
    members    int    not null,
    with_phone int    not null,
    unique nulls not distinct (brand_id, day, store_id, channel)
);

-- One row per member, store and day with any activity, for distinct-member counts over any range
-- (active members, buyers, repurchase): counting distinct member_id over the days of a range is
-- exact, where adding up daily distinct counts is not.
create table analytics_member_day (
    brand_id     bigint  not null references brand (id),
    day          date    not null,
    store_id     bigint references store (id),
    member_id    bigint  not null references member (id),
    orders       int     not null,
    sales_cents  bigint  not null,
    checked_in   boolean not null,
    points_spent bigint  not null,
    unique nulls not distinct (brand_id, day, store_id, member_id)
);

create index member_brand_registered on member (brand_id, registered_at);
create index member_brand_phone_bound on member (brand_id, phone_bound_at) where phone_bound_at is not null;
create index checkin_created on checkin (created_at);
create index points_ledger_spent on points_ledger (brand_id, created_at)
    where kind in ('REDEEM', 'COUPON_EXCHANGE', 'MAKE_UP');
