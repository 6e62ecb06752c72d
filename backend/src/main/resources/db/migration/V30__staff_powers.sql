-- Staff powers have bounds (issue 22): a brand-wide MARKETER role without a store, and point
-- grants above a role's cap waiting for a second person's (an admin's) approval.

alter table staff drop constraint staff_role_check;
alter table staff drop constraint staff_check;
alter table staff add constraint staff_role_check check (role in ('CLERK', 'MANAGER', 'MARKETER', 'ADMIN'));
-- clerks and managers work at one store; marketers and admins across the brand
alter table staff add constraint staff_store_check check ((role in ('ADMIN', 'MARKETER')) = (store_id is null));

-- A points adjustment above the requester's cap: nothing moves until an admin other than the
-- requester approves it; approving applies it through the ledger once (idempotency key approval:<id>).
create table points_approval (
    id               bigserial primary key,
    brand_id         bigint      not null references brand (id),
    member_id        bigint      not null references member (id),
    delta            bigint      not null check (delta <> 0),
    reason           text        not null,
    -- the requester's idempotency key: repeating adjustPoints returns the same request
    idempotency_key  text        not null,
    requested_by     bigint      not null references staff (id),
    requested_store  bigint references store (id),
    requested_at     timestamptz not null,
    -- why it waits, e.g. "above 500 per grant"
    cap_reason       text        not null,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by       bigint references staff (id),
    decided_at       timestamptz,
    decision_note    text,
    balance_before   bigint,
    balance_after    bigint,
    unique (member_id, idempotency_key),
    -- two people: the one who asked never decides
    check (decided_by is null or decided_by <> requested_by),
    check ((status = 'PENDING') = (decided_by is null))
);

create index points_approval_status on points_approval (brand_id, status, id desc);
