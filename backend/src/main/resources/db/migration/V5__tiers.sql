-- Member tiers: configurable per brand, reached by average monthly spend (net of refunds).
create table tier (
    brand_id          bigint       not null references brand (id),
    level             int          not null check (level >= 0),
    name              text         not null,
    -- average monthly spend over 3 calendar months that reaches (and keeps) this tier
    threshold_cents   bigint       not null check (threshold_cents >= 0),
    points_multiplier numeric(4, 2) not null check (points_multiplier >= 1),
    benefits          text,
    primary key (brand_id, level)
);

insert into tier (brand_id, level, name, threshold_cents, points_multiplier, benefits) values
    (1, 0, '普通', 0, 1.00, '消费积分、会员日双倍积分、生日月双倍积分'),
    (1, 1, '银卡', 30000, 1.20, '积分 1.2 倍、生日礼券'),
    (1, 2, '金卡', 80000, 1.50, '积分 1.5 倍、生日礼券、每月免运费券'),
    (1, 3, '黑钻', 200000, 2.00, '积分 2 倍、专属客服、新品优先购');

-- A member's tier and how many reviews in a row found them below it.
create table member_tier (
    member_id      bigint      primary key references member (id),
    level          int         not null,
    months_below   int         not null default 0,
    since          timestamptz not null
);

-- Every tier change with its reason.
create table tier_change (
    id           bigserial primary key,
    member_id    bigint      not null references member (id),
    from_level   int         not null,
    to_level     int         not null,
    reason       text        not null,
    review_month date,
    created_at   timestamptz not null
);

create index tier_change_member on tier_change (member_id, id);

-- One review per member and month: running the review twice changes nothing.
create table tier_review (
    member_id    bigint      not null references member (id),
    review_month date        not null,
    average_cents bigint     not null,
    level_before int         not null,
    level_after  int         not null,
    months_below int         not null,
    primary key (member_id, review_month)
);
