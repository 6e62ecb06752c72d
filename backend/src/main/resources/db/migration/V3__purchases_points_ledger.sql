-- Purchases recorded at the till and the points ledger they feed.

create table purchase (
    id              bigserial primary key,
    brand_id        bigint      not null references brand (id),
    store_id        bigint      not null references store (id),
    member_id       bigint      not null references member (id),
    order_no        text        not null,
    channel         text        not null check (channel in ('STORE', 'ONLINE')),
    amount_cents    bigint      not null check (amount_cents > 0),
    -- points the member paid with (积分抵现) and the cents they covered
    points_redeemed bigint      not null default 0 check (points_redeemed >= 0),
    redeemed_cents  bigint      not null default 0 check (redeemed_cents >= 0),
    points_earned   bigint      not null default 0,
    -- why the member earned what they earned: RULE:factor:points, comma separated
    earn_breakdown  text        not null default '',
    refunded_cents  bigint      not null default 0 check (refunded_cents >= 0),
    occurred_at     timestamptz not null,
    recorded_by     bigint      not null references staff (id),
    created_at      timestamptz not null default now(),
    unique (store_id, order_no),
    check (refunded_cents <= amount_cents)
);

create index purchase_member on purchase (member_id, occurred_at);

create table purchase_item (
    purchase_id      bigint not null references purchase (id),
    line_no          int    not null,
    sku              text   not null,
    name             text   not null,
    category         text,
    quantity         int    not null check (quantity > 0),
    unit_price_cents bigint not null check (unit_price_cents >= 0),
    primary key (purchase_id, line_no)
);

create table refund (
    id              bigserial primary key,
    purchase_id     bigint      not null references purchase (id),
    refund_no       text        not null,
    amount_cents    bigint      not null check (amount_cents > 0),
    points_reversed bigint      not null,
    points_returned bigint      not null,
    recorded_by     bigint      not null references staff (id),
    created_at      timestamptz not null default now(),
    unique (purchase_id, refund_no)
);

-- The ledger is append-only: the balance is the sum of delta for a member.
create table points_ledger (
    id              bigserial primary key,
    brand_id        bigint      not null references brand (id),
    member_id       bigint      not null references member (id),
    kind            text        not null
        check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE')),
    delta           bigint      not null check (delta <> 0),
    purchase_id     bigint references purchase (id),
    refund_id       bigint references refund (id),
    store_id        bigint references store (id),
    staff_id        bigint references staff (id),
    reason          text,
    -- for entries that grant points: when they expire
    expires_at      timestamptz,
    idempotency_key text,
    created_at      timestamptz not null,
    unique (member_id, idempotency_key)
);

create index points_ledger_member on points_ledger (member_id, id desc);

-- A bucket of granted points and what is left of it.
create table points_grant (
    ledger_id  bigint primary key references points_ledger (id),
    member_id  bigint      not null references member (id),
    amount     bigint      not null check (amount > 0),
    remaining  bigint      not null check (remaining >= 0 and remaining <= amount),
    expires_at timestamptz not null
);

create index points_grant_open on points_grant (member_id, expires_at, ledger_id) where remaining > 0;

-- Which buckets an entry that takes points (redeem, reversal, expiry, negative adjustment) took.
create table points_allocation (
    ledger_id bigint not null references points_ledger (id),
    grant_id  bigint not null references points_grant (ledger_id),
    amount    bigint not null check (amount > 0),
    primary key (ledger_id, grant_id)
);

-- One row per member, locked for every change so changes to one member apply one at a time.
-- balance = sum(points_ledger.delta). Points owed after reversing points already spent (debt)
-- are sum(points_grant.remaining) - balance.
create table member_points (
    member_id bigint primary key references member (id),
    balance   bigint not null default 0
);
