-- Member tags: manual tags staff put on members, and rule tags the system keeps up to date
-- from the member's purchases and profile.
create table tag (
    id         bigserial primary key,
    brand_id   bigint      not null references brand (id),
    name       text        not null,
    kind       text        not null check (kind in ('MANUAL', 'RULE')),
    created_by bigint references staff (id),
    created_at timestamptz not null default now(),
    unique (brand_id, name)
);

-- What a rule tag asks for: a member has the tag while all its conditions hold (AND).
create table tag_condition (
    tag_id      bigint not null references tag (id) on delete cascade,
    position    int    not null,
    kind        text   not null check (kind in ('CATEGORY_PURCHASES', 'AVERAGE_ORDER_VALUE', 'TOTAL_SPEND',
                                                'PURCHASE_COUNT', 'BIRTHDAY_THIS_MONTH', 'NO_PURCHASE_FOR')),
    category    text,
    min_count   int    check (min_count > 0),
    min_cents   bigint check (min_cents > 0),
    -- the window: this many business days ending with the day of the recompute
    within_days int    check (within_days > 0),
    days        int    check (days > 0),
    primary key (tag_id, position),
    check (kind <> 'CATEGORY_PURCHASES' or (category is not null and min_count is not null and within_days is not null)),
    check (kind not in ('AVERAGE_ORDER_VALUE', 'TOTAL_SPEND') or (min_cents is not null and within_days is not null)),
    check (kind <> 'PURCHASE_COUNT' or (min_count is not null and within_days is not null)),
    check (kind <> 'NO_PURCHASE_FOR' or days is not null)
);

-- A row exists exactly while the member has the tag.
create table member_tag (
    member_id bigint      not null references member (id),
    tag_id    bigint      not null references tag (id),
    added_at  timestamptz not null,
    -- the staff member who added a manual tag; null for rule tags
    added_by  bigint references staff (id),
    primary key (member_id, tag_id)
);

create index member_tag_tag on member_tag (tag_id, member_id);

-- Every time a member got or lost a tag, and who did it (null: the rules).
create table member_tag_event (
    id        bigserial primary key,
    member_id bigint      not null references member (id),
    tag_id    bigint      not null references tag (id) on delete cascade,
    change    text        not null check (change in ('ADDED', 'REMOVED')),
    staff_id  bigint references staff (id),
    reason    text,
    at        timestamptz not null
);

create index member_tag_event_member on member_tag_event (member_id, at);

-- Rule windows scan the brand's purchases by time.
create index if not exists purchase_brand_occurred on purchase (brand_id, occurred_at);
