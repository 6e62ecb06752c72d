-- Tier benefits (专属服务) that are real: per tier, coupon templates issued to every member of that
-- tier once a business month. Each change is a new version, in force from when it was saved;
-- coupons already issued are never changed.
create table tier_benefit_version (
    id          bigserial primary key,
    brand_id    bigint      not null references brand (id),
    tier_level  int         not null,
    version     int         not null,
    created_by  bigint,
    created_at  timestamptz not null,
    unique (brand_id, tier_level, version)
);

create table tier_benefit_item (
    version_id  bigint not null references tier_benefit_version (id),
    template_id bigint not null references coupon_template (id),
    quantity    int    not null check (quantity between 1 and 10),
    primary key (version_id, template_id)
);

-- What each member was given of a tier's benefit in a business month: once per member, month, tier
-- and template, whether the monthly job or an upgrade gave it, however often either runs.
create table tier_benefit_grant (
    member_id   bigint      not null references member (id),
    month       date        not null,
    tier_level  int         not null,
    template_id bigint      not null references coupon_template (id),
    version_id  bigint      not null references tier_benefit_version (id),
    -- the coupons given (several when the benefit has a quantity); empty when it could not be given
    coupon_ids  bigint[]    not null,
    note        text,
    given_at    timestamptz not null,
    primary key (member_id, month, tier_level, template_id)
);
