-- Bulk import of members and their order history from a brand's previous system, and the
-- opening balances they bring (points and stored value entered as opening entries).

-- Points a member brought from the previous system: a bucket with its expiry, like any grant.
alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL', 'COUPON_EXCHANGE', 'CAMPAIGN', 'RECHARGE', 'OPENING'));

-- Stored value brought from the previous system: a lot (channel OPENING) credited against the
-- OPENING_BALANCE counter-account, so every transaction still adds up to zero.
alter table wallet_recharge drop constraint wallet_recharge_channel_check;
alter table wallet_recharge add constraint wallet_recharge_channel_check
    check (channel in ('CASH', 'CARD', 'WECHAT_PAY', 'OPENING'));
alter table wallet_txn drop constraint wallet_txn_kind_check;
alter table wallet_txn add constraint wallet_txn_kind_check
    check (kind in ('RECHARGE', 'PAYMENT', 'PURCHASE_REFUND', 'RECHARGE_REFUND', 'BONUS_EXPIRY', 'OPENING'));
-- at most one opening lot per member, ever: entering it again changes nothing
create unique index wallet_recharge_opening on wallet_recharge (member_id) where channel = 'OPENING';
alter table wallet_entry drop constraint wallet_entry_account_check;
alter table wallet_entry add constraint wallet_entry_account_check
    check (account in ('MEMBER_PRINCIPAL', 'MEMBER_BONUS', 'CASH_RECEIVED', 'CARD_RECEIVED', 'WECHAT_PAY_CLEARING',
                       'SALES', 'BONUS_EXPENSE', 'BONUS_FORFEIT', 'OPENING_BALANCE'));

-- Orders of the previous system: they count for tiers, RFM and analytics, and earned no points here.
alter table purchase add column imported boolean not null default false;

-- A file an admin uploaded for import, kept on disk (loyalty.bulk.directory) until it is deleted.
create table bulk_file (
    id          bigserial primary key,
    brand_id    bigint      not null references brand (id),
    kind        text        not null check (kind in ('MEMBERS', 'ORDERS')),
    filename    text        not null,
    format      text        not null check (format in ('CSV', 'XLSX')),
    size_bytes  bigint      not null,
    sha256      text        not null,
    path        text        not null,
    uploaded_by bigint      not null references staff (id),
    uploaded_at timestamptz not null
);

create index bulk_file_brand on bulk_file (brand_id, id desc);

-- A dry run or an import of one file, with its progress (updated after every batch).
create table bulk_job (
    id           bigserial primary key,
    brand_id     bigint      not null references brand (id),
    file_id      bigint      not null references bulk_file (id),
    kind         text        not null check (kind in ('MEMBERS', 'ORDERS')),
    dry_run      boolean     not null,
    status       text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    rows_read    bigint      not null default 0,
    imported     bigint      not null default 0,
    matched      bigint      not null default 0,
    skipped      bigint      not null default 0,
    failed       bigint      not null default 0,
    points_total bigint      not null default 0,
    stored_value_cents bigint not null default 0,
    error        text,
    started_by   bigint      not null references staff (id),
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    finished_at  timestamptz
);

-- One job at a time per brand.
create unique index bulk_job_running on bulk_job (brand_id) where status = 'RUNNING';
create index bulk_job_brand on bulk_job (brand_id, id desc);

-- What is wrong with a row (the first loyalty.bulk.max-problems of a job are kept).
create table bulk_problem (
    job_id  bigint not null references bulk_job (id) on delete cascade,
    row_no  bigint not null,
    field   text,
    message text   not null
);

create index bulk_problem_job on bulk_problem (job_id, row_no);

-- Which member each imported phone became: a row whose phone is here was imported before and is skipped.
create table bulk_member_row (
    brand_id   bigint not null references brand (id),
    phone_hash bytea  not null,
    member_id  bigint not null references member (id),
    job_id     bigint not null references bulk_job (id),
    -- the member's number in the previous system (会员编号), which order history files may name them by
    external_no text,
    primary key (brand_id, phone_hash)
);

create unique index bulk_member_row_external on bulk_member_row (brand_id, external_no) where external_no is not null;
