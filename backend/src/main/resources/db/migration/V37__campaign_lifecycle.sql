-- Campaigns run at run time: a status (draft, scheduled, running, paused, ended), monthly
-- recurrence, more audiences (RFM segments, top spenders, a member filter) and a message to the
-- members a campaign reaches.
alter table campaign add column status text not null default 'DRAFT'
    check (status in ('DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'ENDED'));
-- when it was ended by hand (or by its end time); its stats window closes then
alter table campaign add column ended_at timestamptz;
alter table campaign add column recurrence text not null default 'NONE' check (recurrence in ('NONE', 'MONTHLY'));
-- the business month ('2027-03') whose run last finished, for a MONTHLY campaign
alter table campaign add column last_period text;
alter table campaign add column updated_at timestamptz;

alter table campaign drop constraint campaign_audience_kind_check;
alter table campaign add constraint campaign_audience_kind_check
    check (audience_kind in ('EVERYONE', 'TIERS', 'MEMBERS', 'TAGS', 'STAGES', 'SEGMENTS', 'TOP_SPENDERS', 'FILTER'));
alter table campaign add column audience_segments text[];
-- TOP_SPENDERS: the top top_percent % of members by net spend over the last window_days days
alter table campaign add column top_percent int check (top_percent between 1 and 100);
alter table campaign add column window_days int check (window_days between 1 and 3660);
-- FILTER: the member filter (as members(filter:) takes it), as JSON
alter table campaign add column audience_filter text;

-- a message to each treated member the campaign reaches, through the notification outbox
alter table campaign add column message_text text check (char_length(message_text) <= 200);
alter table campaign add column message_channel text check (message_channel in ('WECHAT_SUBSCRIBE', 'SMS'));

update campaign set status = case when launched_at is null then 'DRAFT'
                                  when ends_at <= now() then 'ENDED' else 'RUNNING' end;
update campaign set ended_at = ends_at where status = 'ENDED';

-- Each benefit given: once per member for a one-off campaign (period 'ONCE'), once per member and
-- business month for a MONTHLY one.
create table campaign_grant (
    campaign_id bigint      not null references campaign (id),
    member_id   bigint      not null references member (id),
    period      text        not null,
    given_at    timestamptz not null,
    primary key (campaign_id, member_id, period)
);
insert into campaign_grant (campaign_id, member_id, period, given_at)
select campaign_id, member_id, 'ONCE', reached_at from campaign_member
where reached_at is not null and campaign_id in (select id from campaign where kind = 'STANDARD');

create index campaign_brand_status on campaign (brand_id, status, id desc);
