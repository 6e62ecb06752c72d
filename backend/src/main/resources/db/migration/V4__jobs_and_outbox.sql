-- Messages waiting to go out to members (WeChat subscribe messages, SMS); one per dedupe key.
create table notification_outbox (
    id         bigserial primary key,
    member_id  bigint      not null references member (id),
    kind       text        not null,
    dedupe_key text        not null unique,
    payload    text        not null,
    status     text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    due_at     timestamptz not null,
    created_at timestamptz not null default now()
);

create index notification_outbox_pending on notification_outbox (due_at) where status = 'PENDING';

-- Each run of a scheduled job for a business date, for operators to see what ran.
create table job_run (
    id          bigserial primary key,
    job         text        not null,
    as_of       date        not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    summary     text
);

create index job_run_job on job_run (job, as_of);
