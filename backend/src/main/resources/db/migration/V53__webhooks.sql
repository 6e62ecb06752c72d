-- Webhooks: an API client's subscriptions to events, and the outbox they are delivered from.

-- What a client wants to hear about, where, and the secret deliveries are signed with (encrypted
-- at rest with the at-rest key; the previous secret keeps signing too until previous_secret_until
-- after a rotation, so receivers can switch without losing deliveries).
create table webhook_subscription (
    id                    bigserial   primary key,
    brand_id              bigint      not null references brand (id),
    client_id             bigint      not null references api_client (id),
    url                   text        not null,
    events                text[]      not null,
    description           text,
    secret_cipher         bytea       not null,
    previous_secret_cipher bytea,
    previous_secret_until timestamptz,
    secret_rotated_at     timestamptz,
    status                text        not null default 'ACTIVE' check (status in ('ACTIVE', 'PAUSED', 'DISABLED')),
    -- deliveries that ran out of attempts since the last successful one
    consecutive_failures  int         not null default 0,
    disabled_at           timestamptz,
    disabled_reason       text,
    created_by            bigint      references staff (id),
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);

create index webhook_subscription_brand on webhook_subscription (brand_id, id desc);
create index webhook_subscription_active on webhook_subscription (brand_id) where status = 'ACTIVE';

-- One event as it is sent: the JSON body, written in the transaction of the change it tells of
-- (only when some subscription wants it), so a committed change always has its event.
create table webhook_event (
    id          bigserial   primary key,
    public_id   text        not null unique,
    brand_id    bigint      not null references brand (id),
    type        text        not null,
    store_id    bigint,
    body        text        not null,
    created_at  timestamptz not null
);

-- An event on its way to one subscription: claimed by one instance at a time (row lock skipped,
-- then a lease in next_attempt_at), retried with backoff until DELIVERED or FAILED.
create table webhook_delivery (
    id               bigserial   primary key,
    event_id         bigint      not null references webhook_event (id) on delete cascade,
    subscription_id  bigint      not null references webhook_subscription (id) on delete cascade,
    status           text        not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    -- attempts in all, and attempts since it was queued or replayed (the backoff step)
    attempts         int         not null default 0,
    tries            int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_status_code int,
    last_error       text,
    created_at       timestamptz not null,
    unique (subscription_id, event_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, id desc);

-- Every attempt: when, how long, what the receiver answered (a snippet), or why it failed.
create table webhook_attempt (
    id               bigserial   primary key,
    delivery_id      bigint      not null references webhook_delivery (id) on delete cascade,
    attempted_at     timestamptz not null,
    duration_ms      int         not null,
    status_code      int,
    error            text,
    response_snippet text
);

create index webhook_attempt_delivery on webhook_attempt (delivery_id, id desc);
