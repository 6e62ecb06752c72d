-- Notifications: the outbox learns channels, templates, attempts and outcomes; members' one-time
-- consents to WeChat subscribe-message templates.

alter table notification_outbox
    add column channel         text        not null default 'WECHAT_SUBSCRIBE'
        check (channel in ('WECHAT_SUBSCRIBE', 'SMS')),
    -- WeChat subscribe template id or SMS template code, resolved from loyalty.notify.templates when queued
    add column template        text,
    add column attempts        int         not null default 0 check (attempts >= 0),
    -- when the sender may next pick the message: due time, retry time, end of quiet hours or lease end
    add column next_attempt_at timestamptz,
    add column last_attempt_at timestamptz,
    add column last_error      text,
    add column sent_at         timestamptz;

update notification_outbox set next_attempt_at = due_at;
alter table notification_outbox alter column next_attempt_at set not null;

drop index notification_outbox_pending;
create index notification_outbox_pending on notification_outbox (next_attempt_at, id) where status = 'PENDING';
create index notification_outbox_member on notification_outbox (member_id, id);

-- One-time consents a member gave per subscribe-message template (wx.requestSubscribeMessage):
-- each accepted request allows one message of that template.
create table subscribe_consent (
    member_id   bigint      not null references member (id),
    template_id text        not null,
    remaining   int         not null check (remaining >= 0),
    updated_at  timestamptz not null,
    primary key (member_id, template_id)
);
