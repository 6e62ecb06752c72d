-- Coupon templates and the coupons members hold.
create table coupon_template (
    id                 bigserial primary key,
    brand_id           bigint      not null references brand (id),
    name               text        not null,
    kind               text        not null check (kind in ('AMOUNT_OFF', 'PERCENT_OFF', 'SHIPPING', 'GIFT')),
    amount_off_cents   bigint check (amount_off_cents > 0),
    threshold_cents    bigint      not null default 0 check (threshold_cents >= 0),
    percent_off        int check (percent_off between 1 and 99),
    max_discount_cents bigint check (max_discount_cents > 0),
    gift_name          text,
    -- validity: a fixed window, or valid_days after the member gets it
    valid_from         timestamptz,
    valid_until        timestamptz,
    valid_days         int check (valid_days > 0),
    total_stock        int check (total_stock >= 0),
    issued             int         not null default 0,
    per_member_limit   int         not null default 1 check (per_member_limit > 0),
    min_tier_level     int         not null default 0,
    store_ids          bigint[],
    categories         text[],
    channel            text        not null default 'BOTH' check (channel in ('STORE', 'ONLINE', 'BOTH')),
    stackable          boolean     not null default false,
    claimable          boolean     not null default true,
    points_price       bigint check (points_price > 0),
    enabled            boolean     not null default true,
    created_by         bigint      not null references staff (id),
    created_at         timestamptz not null,
    check (total_stock is null or issued <= total_stock),
    check ((valid_until is not null) <> (valid_days is not null)),
    check (kind <> 'AMOUNT_OFF' or amount_off_cents is not null),
    check (kind <> 'PERCENT_OFF' or percent_off is not null),
    check (kind <> 'GIFT' or gift_name is not null)
);

create table member_coupon (
    id          bigserial primary key,
    template_id bigint      not null references coupon_template (id),
    member_id   bigint      not null references member (id),
    status      text        not null default 'USABLE' check (status in ('USABLE', 'USED')),
    source      text        not null check (source in ('CLAIM', 'EXCHANGE', 'ISSUE', 'PACK', 'CAMPAIGN')),
    -- what got the member this coupon, e.g. claim:<idempotency key>: each happens once
    source_key  text        not null,
    valid_from  timestamptz not null,
    valid_until timestamptz not null,
    obtained_at timestamptz not null,
    used_at     timestamptz,
    purchase_id bigint references purchase (id),
    unique (member_id, source_key)
);

create index member_coupon_member on member_coupon (member_id, status, valid_until);

-- How many of a template each member holds, for an atomic per-member limit.
create table member_coupon_count (
    template_id bigint not null references coupon_template (id),
    member_id   bigint not null references member (id),
    count       int    not null,
    primary key (template_id, member_id)
);

alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL', 'COUPON_EXCHANGE'));
