-- Campaign audiences by tags and lifecycle stages, and the built-in kinds: member day (a
-- multiplier on one day of the month) and birthday (the pack in each member's birth month).
alter table campaign drop constraint campaign_audience_kind_check;
alter table campaign add constraint campaign_audience_kind_check
    check (audience_kind in ('EVERYONE', 'TIERS', 'MEMBERS', 'TAGS', 'STAGES'));
alter table campaign add column audience_tags bigint[];
alter table campaign add column audience_stages text[];
alter table campaign add column kind text not null default 'STANDARD'
    check (kind in ('STANDARD', 'MEMBER_DAY', 'BIRTHDAY'));
alter table campaign add column member_day int check (member_day between 1 and 28);
alter table campaign add constraint campaign_kind_member_day_check
    check (kind <> 'MEMBER_DAY' or (member_day is not null and benefit_kind = 'MULTIPLIER'));
alter table campaign add constraint campaign_kind_birthday_check check (kind <> 'BIRTHDAY' or benefit_kind = 'COUPON_PACK');
