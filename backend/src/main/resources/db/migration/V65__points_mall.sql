-- The points mall (积分商城, mall module): goods members exchange points for (optionally with a cash
-- part paid at the till at pickup), their stock (brand-wide or per store), and the members'
-- redemptions, picked up at a store with a code or delivered to an address.

-- Goods: the object managers run (draft, on sale, paused, archived). Its terms live in versions: an
-- edit adds a version and points current_version at it; a redemption keeps the version it was made under.
create table mall_goods (
    id                  bigserial   primary key,
    brand_id            bigint      not null references brand (id),
    status              text        not null default 'DRAFT'
        check (status in ('DRAFT', 'ON_SALE', 'PAUSED', 'ARCHIVED')),
    -- PICKUP at a store, or DELIVERY to the member's address; fixed at creation
    fulfilment          text        not null check (fulfilment in ('PICKUP', 'DELIVERY')),
    -- BRAND: one stock for every store; STORE: a stock per store (PICKUP only); fixed at creation
    stock_scope         text        not null check (stock_scope in ('BRAND', 'STORE')),
    current_version     int         not null default 1,
    -- the version whose early-access opening members were told of (once per version)
    early_notice_version int,
    created_by          bigint      not null references staff (id),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (stock_scope = 'BRAND' or fulfilment = 'PICKUP')
);
create index mall_goods_brand on mall_goods (brand_id, id desc);

create table mall_goods_version (
    goods_id             bigint      not null references mall_goods (id),
    version              int         not null check (version >= 1),
    name                 text        not null,
    description          text,
    picture_url          text,
    points_price         bigint      not null check (points_price > 0),
    -- paid at the till when the member picks the item up (PICKUP only); 0: points only
    cash_cents           bigint      not null default 0 check (cash_cents >= 0),
    -- null: no limit; per the item's life (LIFETIME) or per business month (MONTH)
    limit_per_member     int         check (limit_per_member >= 1),
    limit_period         text        not null default 'LIFETIME' check (limit_period in ('LIFETIME', 'MONTH')),
    -- lowest tier level that may redeem it (0: everyone)
    min_tier_level       int         not null default 0 check (min_tier_level >= 0),
    -- tiers at or above early_access_level may redeem from early_access_from; everyone from open_from
    early_access_level   int         check (early_access_level >= 0),
    early_access_from    timestamptz,
    open_from            timestamptz,
    created_by           bigint      not null references staff (id),
    created_at           timestamptz not null,
    primary key (goods_id, version)
);

-- Units left: one row per goods for BRAND stock (store_id 0), one per store for STORE stock.
create table mall_stock (
    goods_id   bigint not null references mall_goods (id),
    store_id   bigint not null default 0,
    remaining  int    not null check (remaining >= 0),
    primary key (goods_id, store_id)
);

create table mall_redemption (
    id               bigserial   primary key,
    brand_id         bigint      not null references brand (id),
    goods_id         bigint      not null references mall_goods (id),
    -- the terms it was made under: never changed by a later edit
    version          int         not null,
    member_id        bigint      not null references member (id),
    state            text        not null check (state in ('AWAITING_PICKUP', 'AWAITING_SHIPMENT', 'PICKED_UP',
                                                            'SHIPPED', 'CANCELLED', 'EXPIRED')),
    points_price     bigint      not null,
    cash_cents       bigint      not null,
    fulfilment       text        not null check (fulfilment in ('PICKUP', 'DELIVERY')),
    -- the stock row it took (0: the brand-wide one), given back on cancellation or expiry
    stock_store_id   bigint      not null,
    -- PICKUP: where it is collected
    pickup_store_id  bigint      references store (id),
    pickup_code      text,
    pickup_by        timestamptz,
    picked_up_at     timestamptz,
    picked_up_by     bigint      references staff (id),
    cash_collected_cents bigint,
    -- DELIVERY: the address sealed like phone numbers (AES-256-GCM), and its masked form for staff
    address_cipher   bytea,
    address_masked   text,
    tracking_number  text,
    shipped_at       timestamptz,
    shipped_by       bigint      references staff (id),
    cancelled_at     timestamptz,
    cancelled_by     bigint      references staff (id),
    cancel_reason    text,
    idempotency_key  text        not null,
    created_at       timestamptz not null,
    unique (member_id, idempotency_key),
    foreign key (goods_id, version) references mall_goods_version (goods_id, version)
);
create unique index mall_redemption_code on mall_redemption (brand_id, pickup_code) where pickup_code is not null;
create index mall_redemption_member on mall_redemption (member_id, goods_id, created_at);
create index mall_redemption_brand on mall_redemption (brand_id, id desc);
create index mall_redemption_due on mall_redemption (pickup_by) where state = 'AWAITING_PICKUP';

-- Points paid for goods, and given back when a redemption is cancelled or expires.
alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL', 'COUPON_EXCHANGE', 'CAMPAIGN', 'RECHARGE', 'OPENING', 'MALL_REDEEM', 'MALL_RETURN'));
