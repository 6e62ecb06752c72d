-- What the brand knows about each member from their purchases: RFM scores, the frequency x
-- order-value quadrant and the lifecycle stage. Scores come from the nightly MEMBER_SEGMENTS job;
-- the stage is also refreshed on each purchase.
create table member_segment (
    member_id           bigint      primary key references member (id),
    brand_id            bigint      not null references brand (id),
    -- the business date the scores are for
    as_of               date        not null,
    -- all purchases not fully refunded
    orders              int         not null default 0,
    last_purchase_at    timestamptz,
    usual_interval_days numeric(8, 2),
    -- within the RFM window (default 365 days up to as_of)
    recency_days        int,
    frequency           int,
    monetary_cents      bigint,
    avg_order_cents     bigint,
    -- quintile scores 1..5 within the brand; null without a purchase in the window
    r_score             smallint,
    f_score             smallint,
    m_score             smallint,
    a_score             smallint,
    rfm_segment         text,
    quadrant            text,
    stage               text        not null check (stage in ('NEW', 'ACTIVE', 'DECLINING', 'DORMANT', 'CHURNED')),
    stage_since         date        not null,
    computed_at         timestamptz not null
);

create index member_segment_brand_stage on member_segment (brand_id, stage);
create index member_segment_brand_rfm on member_segment (brand_id, rfm_segment);

-- Every change of lifecycle stage.
create table lifecycle_change (
    id         bigserial primary key,
    member_id  bigint      not null references member (id),
    from_stage text,
    to_stage   text        not null,
    as_of      date        not null,
    changed_at timestamptz not null
);

create index lifecycle_change_member on lifecycle_change (member_id, id);
create index purchase_brand_occurred on purchase (brand_id, occurred_at);
