-- Staff sign-in lockout: consecutive wrong passwords, and until when the account is locked.
alter table staff
    add column failed_logins int not null default 0,
    add column locked_until  timestamptz;
