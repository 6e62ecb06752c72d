-- checkIn_dup: the statements the backend ran for one request (captured with log_statement=all by
-- scripts/bench on 2026-12-07), parameters as literals, per-request values as pgbench variables.
\set mid random(99001, 99001)
BEGIN READ WRITE;
select balance from member_points where member_id = :mid for update;
select * from checkin where member_id = :mid order by day;
insert into checkin (member_id, day, make_up, streak, points, created_at) values (:mid, '2026-12-07', 'f', '1', '1', '2026-12-07 15:34:56.482165+00') on conflict (member_id, day) do nothing returning *;
ROLLBACK;
with due as ( select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id and s.status = 'ACTIVE' where d.status = 'PENDING' and d.next_attempt_at <= '2026-12-07 15:34:57.445437+00' order by d.next_attempt_at, d.id limit '50' for update of d skip locked) update webhook_delivery d set attempts = d.attempts + 1, tries = d.tries + 1, last_attempt_at = '2026-12-07 15:34:57.445437+00', next_attempt_at = '2026-12-07 15:36:57.445437+00' from due, webhook_event e, webhook_subscription s where d.id = due.id and e.id = d.event_id and s.id = d.subscription_id returning d.id, d.subscription_id, d.tries, e.public_id, e.type, e.body, s.url, s.secret_cipher, s.previous_secret_cipher, s.previous_secret_until;
