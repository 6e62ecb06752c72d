-- me: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-07), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 2000)
select * from member where id = :mid;
select * from member_tier where member_id = any(array[:mid]::bigint[]);
select member_id, balance from member_points where member_id = any(array[:mid]::bigint[]);
select coalesce(sum(amount_cents - refunded_cents), 0)::bigint as spend from purchase where member_id = :mid and occurred_at >= '2026-09-30 16:00:00+00' and occurred_at < '2026-12-31 16:00:00+00';
