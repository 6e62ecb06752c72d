-- Campaigns: a benefit for an audience, with a held-out control group to measure the effect.
create table campaign (
    id              bigserial primary key,
    brand_id        bigint      not null references brand (id),
    name            text        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    audience_kind   text        not null check (audience_kind in ('EVERYONE', 'TIERS', 'MEMBERS')),
    audience_tiers  int[],
    audience_members bigint[],
    benefit_kind    text        not null check (benefit_kind in ('COUPON_PACK', 'POINTS', 'MULTIPLIER')),
    pack_id         bigint references coupon_pack (id),
    points          bigint check (points > 0),
    -- MULTIPLIER: points earned by treated members during the window are multiplied by this
    multiplier      numeric(4, 2) check (multiplier > 1),
    control_percent int         not null default 10 check (control_percent between 0 and 50),
    -- most points to give (POINTS) or packs to hand out (COUPON_PACK); null: no cap
    budget          bigint check (budget > 0),
    launched_at     timestamptz,
    created_by      bigint      not null references staff (id),
    created_at      timestamptz not null,
    check (starts_at < ends_at),
    check (benefit_kind <> 'COUPON_PACK' or pack_id is not null),
    check (benefit_kind <> 'POINTS' or points is not null),
    check (benefit_kind <> 'MULTIPLIER' or multiplier is not null)
);

-- Who was in the audience, who was held out, and who got the benefit.
create table campaign_member (
    campaign_id bigint      not null references campaign (id),
    member_id   bigint      not null references member (id),
    in_control  boolean     not null,
    reached_at  timestamptz,
    primary key (campaign_id, member_id)
);

alter table member_coupon add column campaign_id bigint references campaign (id);

alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL', 'COUPON_EXCHANGE', 'CAMPAIGN'));
