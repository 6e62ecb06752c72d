-- Generates a realistic bakery-café brand into an existing brand, set-based with generate_series:
-- stores (reused by name) with a clerk and a manager each, a catalogue of Chinese products,
-- members (frequent, occasional, dormant, never bought), a year of orders with basket patterns
-- that plant known associations (生日蛋糕 -> 生日蜡烛, 北海道吐司 -> 鲜牛奶, 黄油可颂 -> 美式咖啡,
-- 礼盒 -> 礼品袋, 提拉米苏 with 拿铁), weekend and member-day peaks, non-member (guest) orders,
-- check-ins with streaks, points ledger entries with their buckets and balances (balance = sum of
-- the ledger), and tiers from the last three months' spend.
--
-- Run as ONE transaction (temporary tables are dropped at commit): BrandGenerator sends it as one
-- simple query; with psql use `psql -1`. Settings (set before, e.g. `set generate.members = '10000'`):
--   generate.brand_id, generate.members, generate.orders, generate.guest_share (0..1),
--   generate.stores (1..6), generate.days, generate.now (timestamptz), generate.zone,
--   generate.member_day, generate.app_id, generate.openid_prefix (members sign in with code
--   dev-<prefix><n>), generate.code_prefix (invite codes), generate.username_suffix,
--   generate.password_hash, generate.seed (-1..1).
-- No named parameters, no dollar quoting: the text goes to the server as it is.

create temp table gen_cfg on commit drop as
select current_setting('generate.brand_id')::bigint as brand_id,
       current_setting('generate.members')::int as members,
       current_setting('generate.orders')::int as orders,
       current_setting('generate.guest_share')::float8 as guest_share,
       least(6, greatest(1, current_setting('generate.stores')::int)) as stores,
       current_setting('generate.days')::int as days,
       current_setting('generate.now')::timestamptz as now,
       current_setting('generate.zone') as zone,
       current_setting('generate.member_day')::int as member_day,
       current_setting('generate.app_id') as app_id,
       current_setting('generate.openid_prefix') as openid_prefix,
       current_setting('generate.code_prefix') as code_prefix,
       current_setting('generate.username_suffix') as username_suffix,
       current_setting('generate.password_hash') as password_hash,
       (current_setting('generate.now')::timestamptz at time zone current_setting('generate.zone'))::date as today;

select setseed(current_setting('generate.seed')::float8);

-- Stores: the brand's store of that name when there is one, else a new one.
create temp table gen_store_name on commit drop as
select * from (values (1, '徐汇店', 'xuhui', '上海市徐汇区漕溪北路 88 号', 1.3),
                      (2, '静安店', 'jingan', '上海市静安区南京西路 1266 号', 1.1),
                      (3, '浦东店', 'pudong', '上海市浦东新区世纪大道 100 号', 1.0),
                      (4, '长宁店', 'changning', '上海市长宁区长宁路 1018 号', 0.8),
                      (5, '杨浦店', 'yangpu', '上海市杨浦区五角场淞沪路 8 号', 0.7),
                      (6, '闵行店', 'minhang', '上海市闵行区七宝镇漕宝路 3366 号', 0.6))
         as s(k, name, pinyin, address, weight)
where k <= (select stores from gen_cfg);

insert into store (brand_id, name, address)
select c.brand_id, s.name, s.address from gen_store_name s, gen_cfg c
on conflict (brand_id, name) do nothing;

insert into staff (brand_id, store_id, username, password_hash, display_name, role)
select c.brand_id, st.id, r.role_prefix || s.pinyin || c.username_suffix, c.password_hash,
       replace(s.name, '店', '') || r.title, r.role
from gen_store_name s cross join gen_cfg c
join store st on st.brand_id = c.brand_id and st.name = s.name
cross join (values ('clerk-', '店员', 'CLERK'), ('manager-', '店长', 'STORE_MANAGER')) r(role_prefix, title, role)
on conflict (username) do nothing;

create temp table gen_store on commit drop as
select s.k, st.id as store_id, s.weight,
       (select f.id from staff f where f.store_id = st.id and f.role = 'CLERK' order by f.id limit 1) as clerk_id,
       sum(s.weight) over (order by s.k) / sum(s.weight) over () as cum
from gen_store_name s cross join gen_cfg c
join store st on st.brand_id = c.brand_id and st.name = s.name;

-- Tiers like the first brand's, when this brand has none.
insert into tier (brand_id, level, name, threshold_cents, points_multiplier, benefits)
select c.brand_id, t.level, t.name, t.threshold_cents, t.points_multiplier, t.benefits
from tier t cross join gen_cfg c
where t.brand_id = (select min(brand_id) from tier)
  and not exists (select 1 from tier x where x.brand_id = c.brand_id);

-- The catalogue.
create temp table gen_product on commit drop as
select * from (values
    ('CAKE-BDAY-6', '生日蛋糕（6寸）', '蛋糕', 16800),
    ('CAKE-BDAY-8', '生日蛋糕（8寸）', '蛋糕', 22800),
    ('ACC-CANDLE', '生日蜡烛', '配件', 500),
    ('ACC-HAT', '生日帽', '配件', 800),
    ('ACC-PLATE', '纸盘餐具套装', '配件', 1000),
    ('BREAD-TOAST', '北海道吐司', '面包', 1800),
    ('BREAD-CROISSANT', '黄油可颂', '面包', 1200),
    ('BREAD-BAGUETTE', '法棍', '面包', 1500),
    ('BREAD-MEATFLOSS', '肉松面包', '面包', 900),
    ('BREAD-REDBEAN', '红豆面包', '面包', 800),
    ('BREAD-WHOLEWHEAT', '全麦面包', '面包', 1600),
    ('BREAD-CHEESE', '芝士软欧包', '面包', 1500),
    ('DRINK-MILK', '鲜牛奶', '饮品', 1200),
    ('DRINK-AMERICANO', '美式咖啡', '饮品', 1800),
    ('DRINK-LATTE', '拿铁', '饮品', 2600),
    ('DRINK-CAPPUCCINO', '卡布奇诺', '饮品', 2600),
    ('DRINK-SOYMILK', '现磨豆浆', '饮品', 600),
    ('DRINK-JUICE', '鲜榨橙汁', '饮品', 1800),
    ('DESSERT-TIRAMISU', '提拉米苏', '甜点', 2800),
    ('DESSERT-CHEESECAKE', '重芝士蛋糕', '甜点', 2600),
    ('DESSERT-EGGTART', '葡式蛋挞', '甜点', 800),
    ('DESSERT-MACARON', '马卡龙', '甜点', 1200),
    ('DESSERT-PUDDING', '焦糖布丁', '甜点', 1000),
    ('DESSERT-MOUSSE', '芒果慕斯', '甜点', 2400),
    ('GIFT-MOONCAKE', '月饼礼盒', '礼盒', 26800),
    ('GIFT-COOKIE', '曲奇礼盒', '礼盒', 12800),
    ('GIFT-BAG', '礼品袋', '配件', 300),
    ('GIFT-CARD', '祝福贺卡', '配件', 500),
    ('LUNCH-SANDWICH', '鸡蛋火腿三明治', '轻食', 1800),
    ('LUNCH-SALAD', '鸡胸肉沙拉', '轻食', 2800),
    ('LUNCH-YOGURT', '酸奶杯', '轻食', 1200))
    as p(sku, name, category, price_cents);

-- Members: 12 % frequent, 48 % occasional, 25 % dormant (nothing in the last 100 days), 15 %
-- never bought. Buyers registered at least a month ago, dormant ones at least 200 days ago.
create temp table gen_member_raw on commit drop as
select g as n,
       case when r < 0.12 then 'FREQUENT' when r < 0.60 then 'OCCASIONAL' when r < 0.85 then 'DORMANT'
            else 'NONE' end as kind,
       random() as r_reg, random() as r_store, random() as r_home, random() as r_name, random() as r_given,
       random() as r_gender, random() as r_birthday, random() as r_channel
from (select g, random() as r from generate_series(1, (select members from gen_cfg)) g) x;

create temp table gen_member on commit drop as
select nextval('member_id_seq') as id, m.*,
       c.now - case m.kind when 'DORMANT' then interval '200 days' + m.r_reg * interval '530 days'
                           when 'NONE' then m.r_reg * interval '730 days'
                           else interval '30 days' + m.r_reg * interval '700 days' end as registered_at,
       (select s.store_id from gen_store s where s.cum >= m.r_store order by s.k limit 1) as home_store
from gen_member_raw m cross join gen_cfg c
order by m.n;

insert into member (id, brand_id, app_id, openid, nickname, gender, birthday, registered_at, registration_channel,
                    registration_store_id, invite_code)
select m.id, c.brand_id, c.app_id, 'o-fake-' || c.openid_prefix || m.n,
       (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭'])[1 + floor(m.r_name * 16)::int]
           || (array['小美','子涵','浩然','欣怡','宇轩','梓萱','俊杰','雨桐','思远','佳怡','一诺','晨曦'])[1 + floor(m.r_given * 12)::int],
       case when m.r_gender < 0.62 then 'FEMALE' when m.r_gender < 0.95 then 'MALE' else 'UNKNOWN' end,
       case when m.r_birthday < 0.7 then date '1970-01-01' + floor(m.r_birthday / 0.7 * 12775)::int end,
       m.registered_at,
       case when m.r_channel < 0.7 then 'STORE' else 'MINI_PROGRAM' end,
       case when m.r_channel < 0.7 then m.home_store end,
       c.code_prefix || upper(to_hex(m.id))
from gen_member m cross join gen_cfg c;

-- How many orders each buyer makes: a weight per kind times the days they could buy, scaled so
-- that members make exactly (1 - guest_share) of the orders.
create temp table gen_member_orders on commit drop as
with span as (
    select m.id, m.kind, m.home_store, m.registered_at,
           greatest((m.registered_at at time zone c.zone)::date + 1, c.today - c.days + 1) as lo,
           case when m.kind = 'DORMANT' then c.today - 100 else c.today end as hi
    from gen_member m cross join gen_cfg c where m.kind <> 'NONE'
),
weighted as (
    select s.*, (case s.kind when 'FREQUENT' then 35 when 'OCCASIONAL' then 7 else 3 end)
                * greatest(s.hi - s.lo + 1, 0)::float8 as w
    from span s
),
expected as (
    select w.*, w.w * round(c.orders * (1 - c.guest_share)) / sum(w.w) over () as e
    from weighted w cross join gen_cfg c
)
select e.id, e.kind, e.home_store, e.lo, e.hi,
       floor(e.e)::int + case when row_number() over (order by e.e - floor(e.e) desc, e.id)
                                   <= round((select orders * (1 - guest_share) from gen_cfg)) - sum(floor(e.e)) over ()
                              then 1 else 0 end as n_orders
from expected e where e.hi >= e.lo;

-- Orders: member orders on days they could buy (at their home store 4 times in 5), guests over the
-- whole period at any store; 30 % of weekday orders move to the weekend, 5 % of all to member day.
create temp table gen_order_pick on commit drop as
select m.id as member_id, m.home_store, m.lo, m.hi, random() as r_home, random() as r_store, random() as r_day
from gen_member_orders m, generate_series(1, m.n_orders) g
union all
select null, null, c.today - c.days + 1, c.today, 1, random(), random()
from gen_cfg c, generate_series(1, (select orders - round(orders * (1 - guest_share))::int from gen_cfg)) g;

create temp table gen_order_raw on commit drop as
select o.member_id, o.lo, o.hi, o.lo + floor(o.r_day * (o.hi - o.lo + 1))::int as day0,
       case when o.r_home < 0.8 and o.home_store is not null then o.home_store
            else (select s.store_id from gen_store s where s.cum >= o.r_store order by s.k limit 1) end as store_id
from gen_order_pick o;

create temp table gen_order_day on commit drop as
select r.member_id, r.store_id, r.lo, r.hi,
       case when random() < 0.05 and make_date(extract(year from r.d1)::int, extract(month from r.d1)::int,
                                              least(c.member_day, 28)) between r.lo and r.hi
            then make_date(extract(year from r.d1)::int, extract(month from r.d1)::int, least(c.member_day, 28))
            else r.d1 end as day
from (select r.*, case when extract(isodow from r.day0) <= 4 and r.r_weekend < 0.3
                            and r.day0 + (6 - extract(isodow from r.day0)::int) + r.sunday <= r.hi
                       then r.day0 + (6 - extract(isodow from r.day0)::int) + r.sunday else r.day0 end as d1
      from (select r.*, random() as r_weekend, case when random() < 0.5 then 1 else 0 end as sunday
            from gen_order_raw r) r) r
cross join gen_cfg c;

-- Opening hours 8:00 to 21:00; today's orders only up to now.
create temp table gen_order on commit drop as
select nextval('purchase_id_seq') as id, x.*
from (
    select t.member_id, t.store_id, t.day,
           case when t.at < c.now then t.at
                else (t.day::timestamp at time zone c.zone) + random() * (c.now - (t.day::timestamp at time zone c.zone)) end as occurred_at,
           random() as r0, random() as r1, random() as r2, random() as r3, random() as r4, random() as r5,
           random() as r6, random() as r7, random() as r8
    from (select d.*, ((d.day + time '08:00' + random() * interval '13 hours') at time zone c.zone) as at
          from gen_order_day d cross join gen_cfg c) t
    cross join gen_cfg c
    order by 4
) x;

-- Basket patterns. r0 picks the theme; r1.. the items of the theme; r7, r8 an extra item.
create temp table gen_line on commit drop as
select distinct on (o.id, x.sku) o.id as purchase_id, x.sku, x.qty
from gen_order o
cross join lateral (
    select case when o.r0 < 0.07 then 'BIRTHDAY' when o.r0 < 0.35 then 'BREAKFAST' when o.r0 < 0.60 then 'COFFEE'
                when o.r0 < 0.64 then 'GIFT' when o.r0 < 0.78 then 'LUNCH' when o.r0 < 0.90 then 'DESSERT'
                else 'BREAD' end as theme
) t
cross join lateral (values
    (case t.theme
         when 'BIRTHDAY' then case when o.r1 < 0.6 then 'CAKE-BDAY-6' else 'CAKE-BDAY-8' end
         when 'BREAKFAST' then case when o.r1 < 0.5 then 'BREAD-TOAST'
                                    else (array['BREAD-WHOLEWHEAT','BREAD-MEATFLOSS','BREAD-REDBEAN'])[1 + floor((o.r1 - 0.5) * 6)::int] end
         when 'COFFEE' then case when o.r1 < 0.45 then 'BREAD-CROISSANT' end
         when 'GIFT' then case when extract(month from o.day) in (8, 9) then 'GIFT-MOONCAKE' else 'GIFT-COOKIE' end
         when 'LUNCH' then case when o.r1 < 0.55 then 'LUNCH-SANDWICH' else 'LUNCH-SALAD' end
         when 'DESSERT' then (array['DESSERT-MACARON','DESSERT-PUDDING','DESSERT-MOUSSE','DESSERT-CHEESECAKE','DESSERT-EGGTART'])[1 + floor(o.r1 * 5)::int]
         else (array['BREAD-BAGUETTE','BREAD-CHEESE','BREAD-MEATFLOSS','BREAD-REDBEAN','BREAD-WHOLEWHEAT'])[1 + floor(o.r1 * 5)::int]
     end, 1),
    (case t.theme
         when 'BIRTHDAY' then case when o.r2 < 0.75 then 'ACC-CANDLE' end
         when 'BREAKFAST' then case when o.r1 < 0.5 and o.r2 < 0.55 then 'DRINK-MILK'
                                    when o.r1 >= 0.5 and o.r2 < 0.3 then 'DRINK-SOYMILK' end
         when 'COFFEE' then case when o.r1 < 0.45 then case when o.r2 < 0.7 then 'DRINK-AMERICANO' else 'DRINK-LATTE' end
                                 else case when o.r2 < 0.5 then 'DRINK-LATTE' when o.r2 < 0.75 then 'DRINK-CAPPUCCINO'
                                           else 'DRINK-AMERICANO' end end
         when 'GIFT' then case when o.r2 < 0.65 then 'GIFT-BAG' end
         when 'LUNCH' then case when o.r1 >= 0.55 and o.r2 < 0.4 then 'DRINK-JUICE' end
         when 'DESSERT' then case when o.r2 < 0.4 then (array['DESSERT-MACARON','DESSERT-PUDDING','DESSERT-MOUSSE','DESSERT-EGGTART'])[1 + floor(o.r3 * 4)::int] end
         when 'BREAD' then case when o.r2 < 0.5 then (array['BREAD-BAGUETTE','BREAD-CHEESE','BREAD-TOAST','BREAD-CROISSANT'])[1 + floor(o.r3 * 4)::int] end
     end, 1),
    (case t.theme
         when 'BIRTHDAY' then case when o.r3 < 0.4 then 'ACC-HAT' end
         when 'BREAKFAST' then case when o.r3 < 0.2 then 'DESSERT-EGGTART' end
         when 'COFFEE' then case when o.r1 >= 0.45 and o.r2 < 0.5 and o.r3 < 0.35 then 'DESSERT-TIRAMISU' end
         when 'GIFT' then case when o.r3 < 0.3 then 'GIFT-CARD' end
         when 'LUNCH' then case when o.r3 < 0.3 then 'LUNCH-YOGURT' end
     end, 1),
    (case when t.theme = 'BIRTHDAY' and o.r4 < 0.3 then 'ACC-PLATE' end, 1),
    (case when o.r7 < 0.3
          then (array['BREAD-CROISSANT','DESSERT-EGGTART','BREAD-MEATFLOSS','DRINK-LATTE','BREAD-REDBEAN',
                      'DESSERT-MACARON','BREAD-CHEESE','DRINK-AMERICANO','LUNCH-YOGURT','DESSERT-PUDDING',
                      'BREAD-BAGUETTE','DRINK-JUICE'])[1 + floor(o.r8 * o.r8 * 12)::int] end,
     1 + floor(o.r5 * 2)::int)
) x(sku, qty)
where x.sku is not null
order by o.id, x.sku;

create temp table gen_amount on commit drop as
select l.purchase_id, sum(l.qty * p.price_cents)::bigint as amount_cents
from gen_line l join gen_product p using (sku)
group by l.purchase_id;

-- What a member order earns: 1 point a yuan, x2 on member day, x2 in the birthday month.
create temp table gen_earn on commit drop as
select o.id, a.amount_cents, a.amount_cents / 100 as base,
       extract(day from o.occurred_at at time zone c.zone) = c.member_day as member_day,
       m.birthday is not null
           and extract(month from m.birthday) = extract(month from o.occurred_at at time zone c.zone) as birthday
from gen_order o join gen_amount a on a.purchase_id = o.id
left join member m on m.id = o.member_id
cross join gen_cfg c;

insert into purchase (id, brand_id, store_id, member_id, order_no, channel, amount_cents, points_earned,
                      earn_breakdown, occurred_at, recorded_by, created_at)
select o.id, c.brand_id, o.store_id, o.member_id, 'GEN-' || o.id,
       case when o.r6 < 0.12 then 'ONLINE' else 'STORE' end,
       e.amount_cents,
       case when o.member_id is null then 0
            else e.base * (case when e.member_day then 2 else 1 end) * (case when e.birthday then 2 else 1 end) end,
       case when o.member_id is null then ''
            else 'BASE:1.0:' || e.base
                 || case when e.member_day then ',MEMBER_DAY:2.0:' || e.base else '' end
                 || case when e.birthday then ',BIRTHDAY:2.0:' || e.base * (case when e.member_day then 2 else 1 end)
                         else '' end end,
       o.occurred_at, s.clerk_id, o.occurred_at
from gen_order o
join gen_earn e on e.id = o.id
join gen_store s on s.store_id = o.store_id
cross join gen_cfg c;

insert into purchase_item (purchase_id, line_no, sku, name, category, quantity, unit_price_cents)
select l.purchase_id, row_number() over (partition by l.purchase_id order by l.sku), l.sku, p.name, p.category,
       l.qty, p.price_cents
from gen_line l join gen_product p using (sku);

-- Check-ins over the last 60 days (none today): frequent members half the days, occasional ones
-- one day in eight, members who never bought one in twenty; streaks are runs of days in a row.
create temp table gen_checkin on commit drop as
select x.member_id, x.day,
       row_number() over (partition by x.member_id, x.day - x.k::int order by x.day)::int as streak
from (
    select m.id as member_id, c.today - d as day,
           row_number() over (partition by m.id order by c.today - d) as k
    from gen_member m cross join gen_cfg c cross join generate_series(1, 60) d
    where c.today - d > (m.registered_at at time zone c.zone)::date
      -- + 0 * d: a draw per member and day (a condition on the member alone is drawn once per member)
      and random() + 0 * d < case m.kind when 'FREQUENT' then 0.5 when 'OCCASIONAL' then 0.125 when 'NONE' then 0.05
                                         else 0 end
) x;

insert into checkin (member_id, day, make_up, streak, points, created_at)
select g.member_id, g.day, false, g.streak, (array[1, 2, 3, 4, 5, 6, 10])[1 + (g.streak - 1) % 7],
       (g.day + time '07:30' + (g.member_id % 600) * interval '1 minute') at time zone c.zone
from gen_checkin g cross join gen_cfg c;

-- The ledger in time order: EARN for member orders (expiring at the end of the 12th month after),
-- CHECK_IN for check-ins (end of the 3rd month after); each a bucket; balances are the sums.
create temp table gen_ledger on commit drop as
select nextval('points_ledger_id_seq') as id, x.*
from (
    select p.member_id, 'EARN' as kind, p.points_earned as delta, p.id as purchase_id, p.store_id,
           p.recorded_by as staff_id, null::text as reason, null::text as idempotency_key,
           (date_trunc('month', p.occurred_at at time zone c.zone) + interval '13 months' - interval '1 second')
               at time zone c.zone as expires_at,
           p.occurred_at as created_at
    from purchase p join gen_order o on o.id = p.id cross join gen_cfg c
    where p.member_id is not null and p.points_earned > 0
    union all
    select k.member_id, 'CHECK_IN', k.points, null, null, null, '签到第 ' || k.streak || ' 天', 'checkin:' || k.day,
           (date_trunc('month', k.created_at at time zone c.zone) + interval '4 months' - interval '1 second')
               at time zone c.zone,
           k.created_at
    from checkin k join gen_member m on m.id = k.member_id cross join gen_cfg c
    order by created_at
) x;

insert into points_ledger (id, brand_id, member_id, kind, delta, purchase_id, store_id, staff_id, reason, expires_at,
                           idempotency_key, created_at)
select l.id, c.brand_id, l.member_id, l.kind, l.delta, l.purchase_id, l.store_id, l.staff_id, l.reason, l.expires_at,
       l.idempotency_key, l.created_at
from gen_ledger l cross join gen_cfg c;

insert into points_grant (ledger_id, member_id, amount, remaining, expires_at)
select id, member_id, delta, delta, expires_at from gen_ledger;

insert into member_points (member_id, balance)
select m.id, coalesce(l.balance, 0)
from gen_member m
left join (select member_id, sum(delta) as balance from gen_ledger group by member_id) l on l.member_id = m.id;

-- Tiers from the average monthly spend of this and the two previous calendar months.
create temp table gen_tier on commit drop as
select m.id as member_id, m.registered_at,
       coalesce((select max(t.level) from tier t cross join gen_cfg c
                 where t.brand_id = c.brand_id and t.threshold_cents <= s.spend / 3), 0) as level
from gen_member m
left join (select p.member_id, sum(p.amount_cents - p.refunded_cents) as spend
           from purchase p join gen_order o on o.id = p.id cross join gen_cfg c
           where p.occurred_at >= (date_trunc('month', c.now at time zone c.zone) - interval '2 months') at time zone c.zone
           group by p.member_id) s on s.member_id = m.id;

insert into member_tier (member_id, level, months_below, since)
select t.member_id, t.level, 0, case when t.level > 0 then c.now else t.registered_at end
from gen_tier t cross join gen_cfg c;

insert into tier_change (member_id, from_level, to_level, reason, created_at)
select t.member_id, 0, t.level, '导入历史消费：近 3 个自然月月均消费达到' || x.name || '标准', c.now
from gen_tier t cross join gen_cfg c join tier x on x.brand_id = c.brand_id and x.level = t.level
where t.level > 0;

-- Statistics for the planner, so the first queries over the new rows are planned for their size.
analyze member, purchase, purchase_item, checkin, points_ledger, points_grant, member_points, member_tier;

select (select count(*) from gen_member) as generated_members,
       (select count(*) from gen_order) as generated_orders,
       (select count(*) from gen_order where member_id is null) as generated_guest_orders,
       (select count(*) from gen_line) as generated_lines,
       (select count(*) from checkin k join gen_member m on m.id = k.member_id) as generated_checkins,
       (select count(*) from gen_ledger) as generated_ledger_entries;
