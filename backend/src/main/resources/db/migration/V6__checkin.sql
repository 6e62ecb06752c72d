-- Daily check-in: one row per member and business day, guaranteed by the primary key.
create table checkin (
    member_id  bigint      not null references member (id),
    day        date        not null,
    make_up    boolean     not null default false,
    streak     int         not null,
    points     bigint      not null default 0,
    created_at timestamptz not null,
    primary key (member_id, day)
);

alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP'));
