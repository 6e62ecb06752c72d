-- Recommendations: association rules mined nightly from order baskets, the catalogue and bestsellers
-- they were mined with, and per-store stock flags set by staff.

-- The last mining run of a brand: what it looked at and with which thresholds. One row per brand,
-- replaced together with the brand's rules, products and bestsellers in one transaction.
create table recommend_run (
    brand_id       bigint           primary key references brand (id),
    as_of          date             not null,
    computed_at    timestamptz      not null,
    window_days    int              not null,
    baskets        int              not null,
    min_support    double precision not null,
    min_confidence double precision not null,
    max_itemset    int              not null,
    mining_ms      bigint           not null
);

-- X -> y: members who bought every SKU of antecedent also bought consequent. Counts are baskets
-- (distinct SKUs of one purchase) in the run's window; the ratios are computed from them.
create table recommend_rule (
    brand_id         bigint           not null references brand (id),
    rank             int              not null,
    antecedent       text[]           not null,
    consequent       text             not null,
    support_count    int              not null,
    antecedent_count int              not null,
    consequent_count int              not null,
    support          double precision not null,
    confidence       double precision not null,
    lift             double precision not null,
    primary key (brand_id, rank)
);

create index recommend_rule_antecedent on recommend_rule using gin (antecedent);

-- The name and category each SKU last had in the run's window.
create table recommend_product (
    brand_id bigint not null references brand (id),
    sku      text   not null,
    name     text   not null,
    category text,
    primary key (brand_id, sku)
);

-- Each store's best sellers (orders that had the SKU) over the run's bestseller window; store_id
-- null is the brand-wide list, used for stores with no sales yet.
create table recommend_bestseller (
    brand_id bigint not null references brand (id),
    store_id bigint references store (id),
    rank     int    not null,
    sku      text   not null,
    orders   int    not null
);

create index recommend_bestseller_store on recommend_bestseller (brand_id, store_id, rank);

-- A store's stock flag per SKU; no row means in stock. Set by the store's staff.
create table store_stock (
    store_id   bigint      not null references store (id),
    sku        text        not null,
    brand_id   bigint      not null references brand (id),
    in_stock   boolean     not null,
    updated_at timestamptz not null,
    updated_by bigint      not null references staff (id),
    primary key (store_id, sku)
);

-- Mining reads the brand's most recent purchases through purchase_brand_occurred (V12).
