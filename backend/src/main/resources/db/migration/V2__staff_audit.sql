-- Every staff action on members, points or coupons: who, where, when, what and why.
create table staff_audit (
    id         bigserial primary key,
    brand_id   bigint      not null references brand (id),
    staff_id   bigint      not null references staff (id),
    store_id   bigint references store (id),
    action     text        not null,
    member_id  bigint references member (id),
    detail     text,
    created_at timestamptz not null default now()
);

create index staff_audit_member on staff_audit (member_id, created_at);
create index staff_audit_staff on staff_audit (staff_id, created_at);

-- A store's name identifies it to people: one per name in a brand.
alter table store add constraint store_brand_name unique (brand_id, name);
