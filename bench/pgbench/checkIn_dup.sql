-- checkIn_dup: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-05), parameters as literals, per-request values as pgbench variables.
\set mid random(99001, 99001)
BEGIN READ WRITE;
select balance from member_points where member_id = :mid for update;
select * from checkin where member_id = :mid order by day;
insert into checkin (member_id, day, make_up, streak, points, created_at) values (:mid, '2026-12-05', 'f', '1', '1', '2026-12-05 00:18:02.539687+00') on conflict (member_id, day) do nothing returning *;
ROLLBACK;
