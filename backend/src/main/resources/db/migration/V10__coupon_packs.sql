-- Coupon packs (券包): templates handed out together, e.g. 回流专属券包.
create table coupon_pack (
    id         bigserial primary key,
    brand_id   bigint      not null references brand (id),
    name       text        not null,
    created_by bigint      not null references staff (id),
    created_at timestamptz not null
);

create table coupon_pack_item (
    pack_id     bigint not null references coupon_pack (id),
    template_id bigint not null references coupon_template (id),
    quantity    int    not null check (quantity between 1 and 20),
    primary key (pack_id, template_id)
);
