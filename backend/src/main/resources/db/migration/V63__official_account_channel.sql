-- A service notice may go as the official account's template message (and records the channel it went by).
alter table notification_outbox drop constraint notification_outbox_channel_check;
alter table notification_outbox add constraint notification_outbox_channel_check
    check (channel in ('WECHAT_SUBSCRIBE', 'OFFICIAL_ACCOUNT', 'SMS'));
