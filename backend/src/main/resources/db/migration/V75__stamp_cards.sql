-- Stamp cards (集章兑换): a brand (or one store) defines a card of N qualifying purchases within a
-- period that earns a reward. Definitions are versioned: a member's running card keeps the terms of
-- the version it started under.
create table stamp_card (
    id          bigserial primary key,
    brand_id    bigint      not null references brand (id),
    -- a card of one store's own: only purchases there stamp it, and that store's manager runs it
    store_id    bigint      references store (id),
    status      text        not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'STOPPED')),
    version     int         not null default 1,
    created_by  bigint,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index stamp_card_brand on stamp_card (brand_id, id desc);

create table stamp_card_version (
    card_id            bigint      not null references stamp_card (id),
    version            int         not null,
    name               text        not null check (char_length(name) between 1 and 40),
    stamps_needed      int         not null check (stamps_needed between 2 and 30),
    -- what qualifies an order: a line of this category, and/or at least this much paid
    category           text        check (char_length(category) between 1 and 40),
    min_paid_cents     bigint      check (min_paid_cents between 1 and 10000000),
    period             text        not null check (period in ('CALENDAR_MONTH', 'DAYS')),
    period_days        int         check (period_days between 1 and 366),
    reward_points      bigint      check (reward_points between 1 and 100000),
    reward_template_id bigint      references coupon_template (id),
    created_by         bigint,
    created_at         timestamptz not null,
    primary key (card_id, version),
    check (category is not null or min_paid_cents is not null),
    check ((period = 'DAYS') = (period_days is not null)),
    check ((reward_points is null) <> (reward_template_id is null))
);

-- A member's card: RUNNING while stamps are collected (at most one per definition), COMPLETED when
-- the last stamp earned the reward, EXPIRED when its period ended first.
create table member_stamp_card (
    id             bigserial primary key,
    card_id        bigint      not null,
    version        int         not null,
    member_id      bigint      not null references member (id),
    status         text        not null check (status in ('RUNNING', 'COMPLETED', 'EXPIRED')),
    stamps         int         not null default 0 check (stamps >= 0),
    started_at     timestamptz not null,
    ends_at        timestamptz not null,
    completed_at   timestamptz,
    -- the reward: the points ledger entry or the coupon, or why it could not be given
    reward_entry_id  bigint,
    reward_coupon_id bigint,
    reward_note      text,
    foreign key (card_id, version) references stamp_card_version (card_id, version)
);
create unique index member_stamp_card_running on member_stamp_card (card_id, member_id) where status = 'RUNNING';
create index member_stamp_card_member on member_stamp_card (member_id, id desc);

-- One stamp per qualifying order and card, ever (a replay or retry finds it there); a refund before
-- the card completes marks it removed.
create table stamp (
    id             bigserial primary key,
    member_card_id bigint      not null references member_stamp_card (id),
    card_id        bigint      not null references stamp_card (id),
    purchase_id    bigint      not null references purchase (id),
    stamped_at     timestamptz not null,
    removed_at     timestamptz,
    unique (card_id, purchase_id)
);
create index stamp_member_card on stamp (member_card_id);
create index stamp_purchase on stamp (purchase_id);

-- rewards of stamp cards go through the points ledger and the coupon module like any other grant
alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL', 'COUPON_EXCHANGE', 'CAMPAIGN', 'RECHARGE', 'OPENING', 'EVENT', 'STAMP_CARD',
                    'MALL_REDEEM', 'MALL_RETURN'));
alter table member_coupon drop constraint member_coupon_source_check;
alter table member_coupon add constraint member_coupon_source_check
    check (source in ('CLAIM', 'EXCHANGE', 'ISSUE', 'PACK', 'CAMPAIGN', 'REWARD'));
