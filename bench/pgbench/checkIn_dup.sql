-- checkIn_dup: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-07), parameters as literals, per-request values as pgbench variables.
\set mid random(99001, 99001)
select exists (select 1 from checkin where member_id = :mid and day = '2026-12-08') as found;
