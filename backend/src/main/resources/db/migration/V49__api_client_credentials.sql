-- The secrets of machine clients (OAuth2 client credentials): stored as SHA-256 of a random
-- 256-bit secret, shown once. The current secret has no expiry; rotating gives the previous one an
-- expiry (the grace period), revoking the client expires every secret at once.
create table api_client_secret (
    id          bigserial   primary key,
    client_id   bigint      not null references api_client (id),
    secret_hash text        not null unique,
    created_by  bigint      references staff (id),
    created_at  timestamptz not null default now(),
    expires_at  timestamptz
);

create index api_client_secret_client on api_client_secret (client_id, id desc);

alter table api_client add column updated_at timestamptz not null default now();
alter table api_client add column last_used_at timestamptz;

-- What a client did is recorded as that client: the audit trail, purchases and refunds name either
-- a staff member or a client.
alter table staff_audit alter column staff_id drop not null;
alter table staff_audit add column client_id bigint references api_client (id);
alter table staff_audit add constraint staff_audit_actor check (staff_id is not null or client_id is not null);
create index staff_audit_client on staff_audit (client_id, created_at) where client_id is not null;

alter table purchase alter column recorded_by drop not null;
alter table purchase add column recorded_by_client bigint references api_client (id);
alter table purchase add constraint purchase_recorder check (recorded_by is not null or recorded_by_client is not null);

alter table refund alter column recorded_by drop not null;
alter table refund add column recorded_by_client bigint references api_client (id);
alter table refund add constraint refund_recorder check (recorded_by is not null or recorded_by_client is not null);
