-- checkIn_new: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-08), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 100000)
\set d random(1000, 3000000)
select exists (select 1 from checkin where member_id = :mid and day = (date '2026-12-08' + cast(:d as int))) as found;
BEGIN READ WRITE;
select balance from member_points where member_id = :mid for update;
select * from checkin where member_id = :mid order by day;
insert into checkin (member_id, day, make_up, streak, points, created_at) values (:mid, (date '2026-12-08' + cast(:d as int)), 'f', '1', '1', '2026-12-08 02:06:24.199544+00') on conflict (member_id, day) do nothing returning *;
with owed as (select greatest(0, coalesce((select sum(remaining) from points_grant where member_id = :mid and remaining > 0), 0) - (select balance from member_points where member_id = :mid))::bigint as debt), entry as (insert into points_ledger (brand_id, member_id, kind, delta, purchase_id, refund_id, store_id, staff_id, reason, expires_at, idempotency_key, created_at) values ('1', :mid, 'CHECK_IN', '1', NULL, NULL, NULL, NULL, '签到第 1 天', '2027-03-31 15:59:59+00', 'checkin:' || (date '2026-12-08' + cast(:d as int)), '2026-12-08 02:06:24.199544+00') returning id), bucket as (insert into points_grant (ledger_id, member_id, amount, remaining, expires_at) select entry.id, :mid, '1' - least(owed.debt, '1'), '1' - least(owed.debt, '1'), '2027-03-31 15:59:59+00' from entry, owed where owed.debt < '1'), balance as (update member_points set balance = balance + '1' where member_id = :mid returning balance) select entry.id, balance.balance from entry, balance;
select distinct brand_id, unnest(events) as event from webhook_subscription where status = 'ACTIVE';
select * from webhook_subscription where brand_id = '1' and status = 'ACTIVE' and 'POINTS_CHANGED' = any(events) order by id;
select * from member where id = :mid;
COMMIT;
