-- Stores have a life cycle (issue 24): an admin closes a store (its staff can no longer record at
-- its till, it is not offered for moving staff into) and may reopen it. A phone number is optional.

alter table store add column status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED'));
alter table store add column closed_at timestamptz;
alter table store add column close_reason text;
alter table store add column phone text;
alter table store add check ((status = 'CLOSED') = (closed_at is not null));
