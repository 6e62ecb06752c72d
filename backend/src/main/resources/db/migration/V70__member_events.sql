-- Member events (会员活动: 品鉴会, 手工坊): a store's event members sign up for, with a waiting list
-- when it is full, checked in at the door by the store's staff (who scan the member's rotating code)
-- and rewarded with points through the ledger once per member and event.
create table member_event (
    id                 bigserial   primary key,
    brand_id           bigint      not null references brand (id),
    store_id           bigint      not null references store (id),
    title              text        not null check (char_length(title) between 1 and 40),
    description        text        not null default '' check (char_length(description) <= 2000),
    picture_url        text        check (char_length(picture_url) <= 500),
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    -- places; lowering it never drops anyone already confirmed (confirmed may then exceed it)
    capacity           int         not null check (capacity between 1 and 10000),
    -- audience: tier at or above min_tier (null: any), and when tag_ids is not empty, carrying one of them
    min_tier           int         check (min_tier between 0 and 100),
    tag_ids            bigint[]    not null default '{}',
    signup_opens_at    timestamptz not null,
    signup_closes_at   timestamptz not null,
    -- points for attending, as the event says now (each sign-up keeps the terms it was made under)
    points             bigint      not null default 0 check (points between 0 and 100000),
    cancel_deadline    timestamptz not null,
    status             text        not null default 'DRAFT'
        check (status in ('DRAFT', 'PUBLISHED', 'PAUSED', 'CANCELLED')),
    -- every change of terms takes a new version; a sign-up records the version it was made under
    version            int         not null default 1,
    -- members holding a place (CONFIRMED or ATTENDED), kept under the event's row lock
    confirmed          int         not null default 0 check (confirmed >= 0),
    created_by         bigint      references staff (id),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    cancelled_at       timestamptz,
    cancel_reason      text,
    check (ends_at > starts_at),
    check (signup_closes_at > signup_opens_at),
    check (signup_closes_at <= ends_at),
    check (cancel_deadline <= starts_at)
);
create index member_event_brand on member_event (brand_id, id desc);
create index member_event_store on member_event (store_id, starts_at);

-- The queue of sign-ups: a waiting member's place is their queue_no (a new one at every sign-up).
create sequence member_event_queue;

-- One row per member and event: signing up again after cancelling reuses it (never a second place).
create table member_event_signup (
    id                 bigserial   primary key,
    event_id           bigint      not null references member_event (id),
    member_id          bigint      not null references member (id),
    status             text        not null check (status in ('CONFIRMED', 'WAITING', 'CANCELLED')),
    queue_no           bigint      not null,
    -- the terms the member signed up under: points for attending and the last moment to cancel
    points             bigint      not null,
    cancel_deadline    timestamptz not null,
    event_version      int         not null,
    signed_up_at       timestamptz not null,
    confirmed_at       timestamptz,
    cancelled_at       timestamptz,
    -- attendance: recorded once, by the staff member who scanned the member at the door
    attended_at        timestamptz,
    checked_in_by      bigint      references staff (id),
    points_awarded     bigint,
    unique (event_id, member_id),
    check (attended_at is null or status = 'CONFIRMED')
);
create index member_event_signup_queue on member_event_signup (event_id, status, queue_no);
create index member_event_signup_member on member_event_signup (member_id, id desc);

-- points for attending an event go through the ledger as their own kind
alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL', 'COUPON_EXCHANGE', 'CAMPAIGN', 'RECHARGE', 'OPENING', 'EVENT',
                    -- the points mall's kinds (V65 runs first and adds them; this list keeps them)
                    'MALL_REDEEM', 'MALL_RETURN'));
