-- Foundation tables: the brand, its stores, members (one identity across stores), staff.

create table brand (
    id         bigserial primary key,
    name       text        not null,
    created_at timestamptz not null default now()
);

insert into brand (name) values ('默认品牌');

create table store (
    id         bigserial primary key,
    brand_id   bigint      not null references brand (id),
    name       text        not null,
    address    text,
    created_at timestamptz not null default now()
);

create table member (
    id                    bigserial primary key,
    brand_id              bigint      not null references brand (id),
    app_id                text        not null,
    openid                text        not null,
    unionid               text,
    nickname              text,
    avatar_url            text,
    -- AES-GCM ciphertext (version byte, IV, ciphertext+tag) and a keyed hash for look-ups.
    phone_cipher          bytea,
    phone_hash            bytea,
    birthday              date,
    -- Last time a set birthday was changed: at most one change a year.
    birthday_changed_at   timestamptz,
    gender                text        not null default 'UNKNOWN'
        check (gender in ('UNKNOWN', 'MALE', 'FEMALE')),
    registered_at         timestamptz not null,
    registration_channel  text        not null
        check (registration_channel in ('MINI_PROGRAM', 'STORE', 'IMPORT')),
    registration_store_id bigint references store (id),
    invite_code           text        not null unique,
    inviter_id            bigint references member (id),
    unique (app_id, openid)
);

create index member_unionid on member (unionid) where unionid is not null;
create unique index member_phone_hash on member (brand_id, phone_hash) where phone_hash is not null;
create index member_inviter on member (inviter_id) where inviter_id is not null;

create table staff (
    id            bigserial primary key,
    brand_id      bigint      not null references brand (id),
    store_id      bigint references store (id),
    username      text        not null unique,
    password_hash text        not null,
    display_name  text,
    role          text        not null check (role in ('CLERK', 'MANAGER', 'ADMIN')),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    -- clerks and managers work at one store; an admin works across the brand
    check ((role = 'ADMIN') = (store_id is null))
);
