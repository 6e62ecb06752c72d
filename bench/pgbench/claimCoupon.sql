-- claimCoupon: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-07), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 100000)
\set key random(1, 1000000000000)
select * from coupon_template where brand_id = '1' and id = '1002';
select * from member_coupon where member_id = :mid and source_key = 'claim:' || 'pgbench-' || cast(:key as text);
select * from member_tier where member_id = :mid;
BEGIN READ WRITE;
insert into member_coupon (template_id, member_id, source, source_key, valid_from, valid_until, obtained_at, campaign_id) values ('1002', :mid, 'CLAIM', 'claim:' || 'pgbench-' || cast(:key as text), '2026-12-07 17:22:51.616927+00', '2027-01-06 17:22:51.616927+00', '2026-12-07 17:22:51.616927+00', NULL) on conflict (member_id, source_key) do nothing returning *;
insert into member_coupon_count (template_id, member_id, count) values ('1002', :mid, 1) on conflict (template_id, member_id) do update set count = member_coupon_count.count + 1 where member_coupon_count.count < '1';
update coupon_template set issued = issued + 1 where id = '1002' and (total_stock is null or issued < total_stock);
select distinct brand_id, unnest(events) as event from webhook_subscription where status = 'ACTIVE';
COMMIT;
