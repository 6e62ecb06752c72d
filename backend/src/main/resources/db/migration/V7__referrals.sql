-- Rewards for invitations that turned into real members and buyers; one per invitee and kind.
create table referral_reward (
    id          bigserial primary key,
    inviter_id  bigint      not null references member (id),
    invitee_id  bigint      not null references member (id),
    kind        text        not null check (kind in ('REGISTERED', 'FIRST_PURCHASE', 'WELCOME')),
    -- who got the points: the inviter, or the invitee for WELCOME
    member_id   bigint      not null references member (id),
    points      bigint      not null,
    -- false when the inviter's daily or lifetime cap had been reached
    granted     boolean     not null,
    created_at  timestamptz not null,
    unique (invitee_id, kind)
);

create index referral_reward_inviter on referral_reward (inviter_id, created_at);

-- Shares of mini-program pages, for analytics only: never rewarded (WeChat platform rules).
create table share_event (
    id         bigserial primary key,
    member_id  bigint      not null references member (id),
    page       text        not null,
    created_at timestamptz not null
);

alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL'));
