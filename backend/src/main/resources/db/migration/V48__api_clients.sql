-- Machine clients of a brand: a store's POS, the online shop, the ERP. Each acts for some stores
-- (none listed: every store of the brand) within its scopes; its credentials, tokens and calls are
-- recorded in tables of the client module's later migrations.
create table api_client (
    id          bigserial   primary key,
    brand_id    bigint      not null references brand (id),
    name        text        not null,
    kind        text        not null check (kind in ('POS', 'SHOP', 'ERP')),
    scopes      text[]      not null default '{}',
    store_ids   bigint[]    not null default '{}',
    status      text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REVOKED')),
    created_by  bigint      references staff (id),
    created_at  timestamptz not null default now(),
    revoked_at  timestamptz,
    unique (brand_id, name)
);
