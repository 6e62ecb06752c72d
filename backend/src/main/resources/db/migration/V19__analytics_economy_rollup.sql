-- Daily rollups behind the points-economy and coupon analytics, filled by the ECONOMY_ROLLUP job.
-- A day counts as rolled up while its analytics_economy_day row is computed and not dirty; any
-- other day (today, a day never rolled up, a day marked dirty) is computed from the raw tables.

-- Points moved per business day, store and ledger kind. store_id: the entry's store, else the
-- member's registration store (check-in, referral, campaign, expiry, coupon exchange); null: neither.
create table analytics_points_daily (
    brand_id bigint not null references brand (id),
    day      date   not null,
    store_id bigint references store (id),
    kind     text   not null,
    -- sum of positive deltas and of negative deltas (as a positive number)
    credited bigint not null,
    debited  bigint not null,
    entries  int    not null
);

create index analytics_points_daily_day on analytics_points_daily (brand_id, day);

-- Coupons per business day, store and template: issued (by the day the member got them, at the
-- member's registration store) and redeemed (by the day of the purchase that used them, at its store),
-- with the discount of those purchases shared evenly among the coupons each used.
create table analytics_coupon_daily (
    brand_id       bigint not null references brand (id),
    day            date   not null,
    store_id       bigint references store (id),
    template_id    bigint not null references coupon_template (id),
    issued         int    not null,
    redeemed       int    not null,
    discount_cents bigint not null
);

create index analytics_coupon_daily_day on analytics_coupon_daily (brand_id, day);

-- Which days are rolled up; dirty: raw data of the day changed after it was rolled up (a purchase
-- recorded for a past day, a refund giving coupons back), so it is read raw until rolled up again.
create table analytics_economy_day (
    brand_id    bigint      not null references brand (id),
    day         date        not null,
    computed_at timestamptz,
    dirty       boolean     not null default false,
    primary key (brand_id, day)
);

-- Raw reads of a day (the rollup itself, today's numbers, dirty days) go by time.
create index if not exists points_ledger_brand_created on points_ledger (brand_id, created_at);
create index if not exists member_coupon_obtained on member_coupon (obtained_at);
create index if not exists member_coupon_purchase on member_coupon (purchase_id) where purchase_id is not null;
