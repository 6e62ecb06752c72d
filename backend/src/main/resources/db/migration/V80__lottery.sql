-- The points lottery (积分抽奖): a member pays points for a draw and may win points or a coupon.
-- The prize pool is versioned: editing a running lottery adds a version effective from a chosen
-- time, so a draw always names the version (and the prize) it was drawn against.

create table lottery (
    id             bigserial   primary key,
    brand_id       bigint      not null references brand (id),
    title          text        not null,
    rules_text     text        not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null check (ends_at > starts_at),
    cost_points    bigint      not null check (cost_points >= 0),
    daily_limit    int         not null check (daily_limit > 0),
    -- draws per member over the whole lottery; null: only the daily limit
    total_limit    int         check (total_limit > 0),
    -- the most points (POINTS prizes) and coupons (COUPON prizes) it may give out in total
    budget_points  bigint      not null check (budget_points >= 0),
    budget_coupons bigint      not null check (budget_coupons >= 0),
    points_given   bigint      not null default 0 check (points_given <= budget_points),
    coupons_given  bigint      not null default 0 check (coupons_given <= budget_coupons),
    status         text        not null check (status in ('DRAFT', 'RUNNING', 'PAUSED', 'ENDED')),
    created_by     bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index lottery_brand on lottery (brand_id, id desc);

create table lottery_pool (
    id             bigserial   primary key,
    lottery_id     bigint      not null references lottery (id),
    version        int         not null,
    effective_from timestamptz not null,
    created_by     bigint      not null,
    created_at     timestamptz not null,
    unique (lottery_id, version)
);

-- A prize of one pool version. kind GOODS (a points-mall item) is to come with the mall: a column
-- goods_id and the kind in this check.
create table lottery_prize (
    id                 bigserial primary key,
    pool_id            bigint    not null references lottery_pool (id),
    position           int       not null,
    kind               text      not null check (kind in ('POINTS', 'COUPON', 'NOTHING')),
    name               text      not null,
    points             bigint    check (points > 0),
    coupon_template_id bigint,
    -- basis points of 10000; NOTHING takes what the others leave
    probability_bp     int       not null check (probability_bp between 0 and 10000),
    stock              int       check (stock >= 0),
    remaining          int       check (remaining >= 0 and remaining <= stock),
    check (kind <> 'POINTS' or points is not null),
    check (kind <> 'COUPON' or coupon_template_id is not null),
    check ((kind = 'NOTHING') = (stock is null) and (stock is null) = (remaining is null)),
    unique (pool_id, position)
);

create table lottery_draw (
    id              bigserial   primary key,
    lottery_id      bigint      not null references lottery (id),
    pool_id         bigint      not null references lottery_pool (id),
    member_id       bigint      not null references member (id),
    idempotency_key text        not null,
    business_day    date        not null,
    -- the server's SecureRandom draw in [0, 10000) and the prize it landed on before stock and budget
    random_value    int         not null check (random_value between 0 and 9999),
    landed_prize_id bigint      references lottery_prize (id),
    -- what the member got: null for 谢谢参与 (landed on NOTHING, or the prize was out of stock or budget)
    prize_id        bigint      references lottery_prize (id),
    cost_points     bigint      not null,
    points_won      bigint      not null default 0,
    coupon_id       bigint,
    created_at      timestamptz not null,
    unique (member_id, idempotency_key)
);
create index lottery_draw_member_day on lottery_draw (lottery_id, member_id, business_day);
create index lottery_draw_recent on lottery_draw (lottery_id, id desc);
create index lottery_draw_member on lottery_draw (member_id, id desc);

-- the points the draws take and give, in the ledger
alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL', 'COUPON_EXCHANGE', 'CAMPAIGN', 'RECHARGE', 'OPENING', 'EVENT', 'STAMP_CARD',
                    'MALL_REDEEM', 'MALL_RETURN', 'LOTTERY_DRAW', 'LOTTERY_PRIZE'));

-- coupons won in a draw
alter table member_coupon drop constraint member_coupon_source_check;
alter table member_coupon add constraint member_coupon_source_check
    check (source in ('CLAIM', 'EXCHANGE', 'ISSUE', 'PACK', 'CAMPAIGN', 'REWARD', 'LOTTERY'));
