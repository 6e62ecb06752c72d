-- Staff sign-in lockout per (username, client address) instead of per account: an attacker
-- elsewhere cannot lock the admin out, and an unknown username locks like a known one.
create table staff_login_failure (
    username     text        not null, -- as typed, stripped and lower-cased; need not exist
    address      text        not null,
    failures     int         not null default 0,
    locked_until timestamptz,
    updated_at   timestamptz not null,
    primary key (username, address)
);
create index staff_login_failure_updated on staff_login_failure (updated_at);

-- staff.failed_logins and staff.locked_until are no longer used; they stay until a later release
-- (expand, then contract: instances of the previous release still read them during a rolling deploy)

-- rejected payment notifications are kept only up to a cap per hour (they are counted by time)
create index wechat_pay_notification_rejected on wechat_pay_notification (received_at) where outcome = 'REJECTED';
