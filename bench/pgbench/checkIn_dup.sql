-- checkIn_dup: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-04), parameters as literals, per-request values as pgbench variables.
\set mid random(99001, 99001)
BEGIN READ WRITE;
select balance from member_points where member_id = :mid for update;
with t as (select day, day + cast(row_number() over (order by day desc) as int) as grp from checkin where member_id = :mid and day <= '2026-12-04') select count(*)::int as n from t where grp = (select grp from t where day = '2026-12-04');
insert into checkin (member_id, day, make_up, streak, points, created_at) values (:mid, '2026-12-05', 'f', '1', '1', '2026-12-04 23:22:52.407051+00') on conflict (member_id, day) do nothing returning *;
ROLLBACK;
