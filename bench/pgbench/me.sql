-- me: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-07), parameters as literals, per-request values as pgbench variables.
\set mid random(1, 2000)
select * from member where id = :mid;
select * from member_tier where member_id = :mid;
select * from member_tier where member_id = :mid;
select coalesce(sum(amount_cents - refunded_cents), 0)::bigint as spend from purchase where member_id = :mid and occurred_at >= '2026-09-30 16:00:00+00' and occurred_at < '2026-12-31 16:00:00+00';
select member_id, balance from member_points where member_id = any(array[:mid]::bigint[]);
with due as ( select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE' where d.status = 'PENDING' and d.next_attempt_at <= '2026-12-07 15:34:51.445319+00' order by d.next_attempt_at, d.id limit '50' for update of d skip locked) update webhook_delivery d set attempts = d.attempts + 1, tries = d.tries + 1, last_attempt_at = '2026-12-07 15:34:51.445319+00', next_attempt_at = '2026-12-07 15:36:51.445319+00' from due, webhook_event e, webhook_subscription s where d.id = due.id and e.id = d.event_id and s.id = d.subscription_id returning d.id, d.subscription_id, d.tries, e.public_id, e.type, e.body, s.url, s.secret_cipher, s.previous_secret_cipher, s.previous_secret_until;
