-- SMS through a real provider: the provider's id of each message, its delivery receipt, and the
-- SMS each member was sent per business day (the daily limit).
alter table notification_outbox
    add column provider_message_id text,
    add column delivery_status     text check (delivery_status in ('DELIVERED', 'NOT_DELIVERED')),
    add column delivery_note       text,
    add column delivered_at        timestamptz,
    add column delivery_reported_at timestamptz;

create index notification_outbox_provider_message on notification_outbox (provider_message_id)
    where provider_message_id is not null;

-- one row per member and brand-zone day: SMS sent (or being sent) that day
create table sms_daily_count (
    member_id bigint  not null references member (id),
    day       date    not null,
    sent      integer not null check (sent >= 0),
    primary key (member_id, day)
);
