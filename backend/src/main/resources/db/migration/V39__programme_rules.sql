-- Programme rules as versions (docs/rules.md "Changing the rules"): each version holds the whole
-- rule set (tiers, earning, member day, birthday, points value and expiry, check-in, referral,
-- welcome gift) as JSON, in force from effective_from until the next version's. Never retroactive:
-- every consumer asks for the version in force at the event's time. Written by the programme module.
create table programme_rules_version (
    brand_id       bigint      not null references brand (id),
    version        int         not null check (version >= 1),
    effective_from timestamptz not null,
    rules          jsonb       not null,
    -- the admin who scheduled it; null for the seed (version 1)
    created_by     bigint      references staff (id),
    reason         text        not null,
    created_at     timestamptz not null,
    -- a version cancelled before it took effect stays in the history, never in force
    cancelled_at   timestamptz,
    cancelled_by   bigint      references staff (id),
    primary key (brand_id, version)
);

-- Version 1 of every brand: today's rules (the tier rows and the defaults of loyalty.points.*,
-- loyalty.checkin.* and loyalty.referral.*), in force since long ago, so nothing changes.
insert into programme_rules_version (brand_id, version, effective_from, rules, reason, created_at)
select b.id, 1, timestamptz '2000-01-01 00:00:00+08',
       jsonb_build_object(
           'tiers', coalesce((select jsonb_agg(jsonb_build_object(
                                   'level', t.level, 'name', t.name, 'thresholdCents', t.threshold_cents,
                                   'pointsMultiplier', t.points_multiplier, 'priceDiscount', 100,
                                   'benefits', to_jsonb(coalesce(string_to_array(t.benefits, '、'), array[]::text[])))
                               order by t.level)
                              from tier t where t.brand_id = b.id), '[]'::jsonb),
           'tierWindowMonths', 3,
           'pointsPerYuan', 1,
           'categoryMultipliers', '[]'::jsonb,
           'skuMultipliers', '[]'::jsonb,
           'memberDays', '[8]'::jsonb,
           'memberDayFactor', 2,
           'birthdayPeriod', 'MONTH',
           'birthdayFactor', 2,
           'pointsPerYuanRedeemed', 100,
           'expiryMonths', 12,
           'checkIn', jsonb_build_object('rewards', '[1, 2, 3, 4, 5, 6, 10]'::jsonb, 'afterLastDay', 'REPEAT',
                                         'makeUpCost', 20, 'makeUpsPerMonth', 2, 'rewardExpiryMonths', 3),
           'referral', jsonb_build_object('registeredPoints', 50, 'firstPurchasePoints', 100, 'welcomePoints', 20,
                                          'dailyCap', 10, 'lifetimeCap', 200),
           'welcomeCouponPackId', null),
       '初始规则（迁移自原等级表与默认配置）', now()
from brand b
where exists (select 1 from tier t where t.brand_id = b.id);

-- Every order records the rules version it was priced and earned under, and the tier discount
-- (e.g. 95折 for 金卡) taken off at the till. Orders recorded before versions existed: version 1.
alter table purchase add column rules_version int;
update purchase set rules_version = 1 where member_id is not null;
alter table purchase add column tier_discount_cents bigint not null default 0 check (tier_discount_cents >= 0);

-- A new member's welcome (coupon pack and message) is given once.
create table member_welcome (
    member_id     bigint      primary key references member (id),
    rules_version int         not null,
    pack_id       bigint,
    welcomed_at   timestamptz not null
);
