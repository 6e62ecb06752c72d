-- Saved member filters (segment): a marketer names a MemberFilter (as members(filter:) takes it)
-- once and reuses it. A campaign built on one copies its definition when it is created or
-- updated, so editing or deleting a saved filter never changes a campaign already built.
create table saved_member_filter (
    id         bigserial   primary key,
    brand_id   bigint      not null references brand (id),
    -- 1 to 32 characters, unique in the brand
    name       text        not null,
    -- the MemberFilter as JSON
    filter     jsonb       not null,
    created_by bigint      not null references staff (id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (brand_id, name)
);
