-- pointsHistory: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-05), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 2000)
select * from member where id = :mid;
select l.*, p.order_no from points_ledger l left join purchase p on p.id = l.purchase_id where l.member_id = :mid and (cast(NULL as bigint) is null or l.id < NULL) order by l.id desc limit '21';
select count(*) as n from points_ledger where member_id = :mid;
select member_id, balance from member_points where member_id = any(array[:mid]::bigint[]);
