-- pointsHistory: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-08), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 2000)
select * from member where id = :mid;
select count(*) as n from points_ledger where member_id = :mid;
select member_id, balance from member_points where member_id = any(array[:mid]::bigint[]);
select l.*, p.order_no from points_ledger l left join purchase p on p.id = l.purchase_id where l.member_id = :mid and (cast(NULL as bigint) is null or l.id < NULL) order by l.id desc limit '21';
with due as ( select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE' where d.status = 'PENDING' and d.next_attempt_at <= '2026-12-08 02:06:24.027505+00' order by d.next_attempt_at, d.id limit '50' for update of d skip locked) update webhook_delivery d set attempts = d.attempts + 1, tries = d.tries + 1, last_attempt_at = '2026-12-08 02:06:24.027505+00', next_attempt_at = '2026-12-08 02:08:24.027505+00' from due, webhook_event e, webhook_subscription s where d.id = due.id and e.id = d.event_id and s.id = d.subscription_id returning d.id, d.subscription_id, d.tries, e.public_id, e.type, e.body, s.url, s.secret_cipher, s.previous_secret_cipher, s.previous_secret_until;
