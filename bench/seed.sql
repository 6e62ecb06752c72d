-- Bench data, generated in the database (no API round trips): stores, members with the fake
-- WeChat's openids (o-fake-m<id>, sign in with code dev-m<id>), purchases with their EARN entries,
-- check-ins with their CHECK_IN entries (together :ledger ledger rows), the matching buckets,
-- balances and tiers, and one hot coupon. Run on a fresh, migrated bench database:
--   psql -v members=100000 -v ledger=1000000 -v stores=10 -v app_id=wx-bench-app \
--        -v coupon_stock=5000 -f bench/seed.sql
-- Every invariant holds afterwards: balance = sum of the ledger, one check-in per member and day.
\set ON_ERROR_STOP on
\timing on
set synchronous_commit = off;
-- The rows reference each other correctly by construction: skip the foreign-key triggers.
set session_replication_role = replica;

select id as staff_id from staff where role = 'ADMIN' order by id limit 1 \gset

insert into store (id, brand_id, name, address)
select g, 1, '基准店' || lpad(g::text, 2, '0'), '上海市第 ' || g || ' 号'
from generate_series(1, :stores) g;
select setval('store_id_seq', :stores);

insert into member (id, brand_id, app_id, openid, nickname, gender, registered_at, registration_channel,
                    registration_store_id, invite_code)
select g, 1, :'app_id', 'o-fake-m' || g, '会员' || g, 'UNKNOWN',
       now() - interval '730 days' + (g::float / :members) * interval '700 days',
       'MINI_PROGRAM', 1 + g % :stores, 'B' || lpad(g::text, 7, '0')
from generate_series(1, :members) g;
select setval('member_id_seq', :members);

-- 60% of the ledger: purchases over the last 365 days, each with its EARN entry (1 point a yuan).
select (:ledger * 6 / 10) as purchases, (:ledger - :ledger * 6 / 10) / :members as checkins_per_member \gset

insert into purchase (id, brand_id, store_id, member_id, order_no, channel, amount_cents, points_earned,
                      earn_breakdown, occurred_at, recorded_by)
select g, 1, 1 + g % :stores, m, 'SEED-' || g, 'STORE', amount, amount / 100,
       'BASE:1.0:' || (amount / 100), at, :staff_id
from (select g, 1 + (hashint4(g)::bigint & 2147483647) % :members as m,
             1000 + (hashint4(g + 7)::bigint & 2147483647) % 60000 as amount,
             now() - ((hashint4(g + 13)::bigint & 2147483647) % (365 * 86400)) * interval '1 second' as at
      from generate_series(1, :purchases) g) p;
select setval('purchase_id_seq', :purchases);

insert into points_ledger (id, brand_id, member_id, kind, delta, purchase_id, store_id, staff_id, expires_at,
                           created_at)
select p.id, 1, p.member_id, 'EARN', p.points_earned, p.id, p.store_id, p.recorded_by,
       (date_trunc('month', p.occurred_at at time zone 'Asia/Shanghai') + interval '13 months' - interval '1 second')
           at time zone 'Asia/Shanghai',
       p.occurred_at
from purchase p;

-- The rest: check-ins on distinct past days (none today or yesterday), 5 points each.
insert into checkin (member_id, day, make_up, streak, points, created_at)
select m, current_date - (2 + k * 3 + m % 3), false, 1, 5,
       (current_date - (2 + k * 3 + m % 3)) + time '09:00'
from generate_series(1, :members) m, generate_series(0, :checkins_per_member - 1) k;

insert into points_ledger (id, brand_id, member_id, kind, delta, reason, expires_at, idempotency_key, created_at)
select :purchases + row_number() over (order by c.member_id, c.day), 1, c.member_id, 'CHECK_IN', c.points,
       '签到第 1 天', c.created_at + interval '12 months', 'checkin:' || c.day, c.created_at
from checkin c;
select setval('points_ledger_id_seq', (select max(id) from points_ledger));

insert into points_grant (ledger_id, member_id, amount, remaining, expires_at)
select id, member_id, delta, delta, expires_at from points_ledger;

insert into member_points (member_id, balance)
select m.id, coalesce(sum(l.delta), 0) from member m left join points_ledger l on l.member_id = m.id
group by m.id;

-- Tiers from the average monthly spend of this and the two previous months.
insert into member_tier (member_id, level, months_below, since)
select m.id,
       coalesce((select max(t.level) from tier t where t.brand_id = 1 and t.threshold_cents <= s.spend / 3), 0),
       0, m.registered_at
from member m
left join (select member_id, sum(amount_cents - refunded_cents) as spend from purchase
           where occurred_at >= (date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '2 months')
                                    at time zone 'Asia/Shanghai'
           group by member_id) s on s.member_id = m.id;

-- The hot coupons (满50减10, limited stock, one per member): 1001 for the claimCoupon scenario,
-- 1002 for its pgbench baseline, so the two never take each other's stock.
insert into coupon_template (id, brand_id, name, kind, amount_off_cents, threshold_cents, valid_days, total_stock,
                             per_member_limit, claimable, created_by, created_at)
select id, 1, '基准秒杀券 满50减10', 'AMOUNT_OFF', 1000, 5000, 30, :coupon_stock, 1, true, :staff_id, now()
from (values (1001), (1002)) t(id);
select setval('coupon_template_id_seq', 1002);

analyze;
select (select count(*) from member) as members, (select count(*) from purchase) as purchases,
       (select count(*) from points_ledger) as ledger_rows, (select count(*) from checkin) as checkins;
