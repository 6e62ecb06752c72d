-- me: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-08), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 2000)
select * from member where id = :mid;
select i.id as member_id, coalesce(t.level, 0) as level, coalesce(t.months_below, 0) as months_below, coalesce(t.since, 'epoch'::timestamptz) as since, (select coalesce(sum(p.amount_cents - p.refunded_cents), 0)::bigint from purchase p where p.member_id = i.id and p.occurred_at >= '2026-09-30 16:00:00+00' and p.occurred_at < '2026-12-31 16:00:00+00') as spend from unnest(cast(array[:mid]::bigint[] as bigint[])) as i(id) left join member_tier t on t.member_id = i.id;
select member_id, balance from member_points where member_id = any(array[:mid]::bigint[]);
