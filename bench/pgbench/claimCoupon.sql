-- claimCoupon: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-07), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 100000)
\set key random(1, 1000000000000)
select * from coupon_template where id = '1002';
select t.total_stock, (select count(*) from member_coupon c where c.template_id = t.id) as issued, (select coalesce(max(stock_slot), 0) from member_coupon c where c.template_id = t.id) as top from coupon_template t where t.id = '1002';
select member_id, count from member_coupon_count where template_id = '1002';
select s from generate_series(1, '0') s where not exists (select 1 from member_coupon c where c.template_id = '1002' and c.stock_slot = s);
BEGIN READ WRITE;
with c as ( insert into member_coupon (template_id, member_id, source, source_key, valid_from, valid_until, obtained_at, campaign_id, stock_slot) select '1002', :mid, 'CLAIM', 'claim:' || 'pgbench-' || cast(:key as text), '2026-12-07 21:08:47.420014+00', '2027-01-06 21:08:47.420014+00', '2026-12-07 21:08:47.420014+00', NULL, '1' from coupon_template t where t.id = '1002' and (cast('1' as int) is null or '1' <= t.total_stock) on conflict do nothing returning *), n as ( insert into member_coupon_count (template_id, member_id, count) select '1002', :mid, 1 from c on conflict (template_id, member_id) do update set count = member_coupon_count.count + 1 where member_coupon_count.count < '1' returning 1) select c.*, exists (select 1 from n) as counted from c;
COMMIT;
select distinct brand_id, unnest(events) as event from webhook_subscription where status = 'ACTIVE';
with due as ( select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE' where d.status = 'PENDING' and d.next_attempt_at <= '2026-12-07 21:08:47.996095+00' order by d.next_attempt_at, d.id limit '50' for update of d skip locked) update webhook_delivery d set attempts = d.attempts + 1, tries = d.tries + 1, last_attempt_at = '2026-12-07 21:08:47.996095+00', next_attempt_at = '2026-12-07 21:10:47.996095+00' from due, webhook_event e, webhook_subscription s where d.id = due.id and e.id = d.event_id and s.id = d.subscription_id returning d.id, d.subscription_id, d.tries, e.public_id, e.type, e.body, s.url, s.secret_cipher, s.previous_secret_cipher, s.previous_secret_until;
