-- claimCoupon: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-08), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 100000)
\set key random(1, 1000000000000)
select * from coupon_template where id = '1002';
select t.total_stock, (select count(*) from member_coupon c where c.template_id = t.id) as issued, (select coalesce(max(stock_slot), 0) from member_coupon c where c.template_id = t.id) as top from coupon_template t where t.id = '1002';
select member_id, count from member_coupon_count where template_id = '1002';
select s from generate_series(1, '0') s where not exists (select 1 from member_coupon c where c.template_id = '1002' and c.stock_slot = s);
BEGIN READ WRITE;
with c as ( insert into member_coupon (template_id, member_id, source, source_key, valid_from, valid_until, obtained_at, campaign_id, stock_slot) select '1002', :mid, 'CLAIM', 'claim:' || 'pgbench-' || cast(:key as text), '2026-12-08 02:06:26.345245+00', '2027-01-07 02:06:26.345245+00', '2026-12-08 02:06:26.345245+00', NULL, '1' from coupon_template t where t.id = '1002' and (cast('1' as int) is null or '1' <= t.total_stock) on conflict do nothing returning *), n as ( insert into member_coupon_count (template_id, member_id, count) select '1002', :mid, 1 from c on conflict (template_id, member_id) do update set count = member_coupon_count.count + 1 where member_coupon_count.count < '1' returning 1) select c.*, exists (select 1 from n) as counted from c;
select distinct brand_id, unnest(events) as event from webhook_subscription where status = 'ACTIVE';
COMMIT;
