-- Stored-value card (储值): recharge packages, recharges, WeChat Pay orders and a double-entry ledger.

-- What a member can buy: pay 500 yuan, get 50 more (充500送50), maybe points or a coupon pack too.
create table recharge_package (
    id               bigserial primary key,
    brand_id         bigint      not null references brand (id),
    name             text        not null,
    pay_cents        bigint      not null check (pay_cents > 0),
    bonus_cents      bigint      not null default 0 check (bonus_cents >= 0),
    -- days the bonus stays spendable after the recharge; null: it does not expire
    bonus_valid_days int check (bonus_valid_days > 0),
    bonus_points     bigint      not null default 0 check (bonus_points >= 0),
    coupon_pack_id   bigint references coupon_pack (id),
    -- the stores that sell the package; null: every store of the brand
    store_ids        bigint[],
    active           boolean     not null default true,
    created_by       bigint      not null references staff (id),
    created_at       timestamptz not null
);

-- One row per member, locked for every change of the wallet. principal/bonus = the sums of the
-- member's lots (wallet_recharge remainders) = the sums of the member's ledger accounts.
create table member_wallet (
    member_id       bigint primary key references member (id),
    brand_id        bigint not null references brand (id),
    principal_cents bigint not null default 0 check (principal_cents >= 0),
    bonus_cents     bigint not null default 0 check (bonus_cents >= 0)
);

-- A recharge that went through: a lot of principal and bonus the member spends from.
create table wallet_recharge (
    id                  bigserial primary key,
    brand_id            bigint      not null references brand (id),
    member_id           bigint      not null references member (id),
    store_id            bigint      not null references store (id),
    package_id          bigint      not null references recharge_package (id),
    channel             text        not null check (channel in ('CASH', 'CARD', 'WECHAT_PAY')),
    -- the till's receipt number, or our out_trade_no for WeChat Pay
    reference           text        not null,
    pay_cents           bigint      not null check (pay_cents > 0),
    bonus_cents         bigint      not null check (bonus_cents >= 0),
    principal_remaining bigint      not null check (principal_remaining >= 0),
    bonus_remaining     bigint      not null check (bonus_remaining >= 0),
    bonus_expires_at    timestamptz,
    status              text        not null default 'ACTIVE' check (status in ('ACTIVE', 'REFUNDED')),
    recorded_by         bigint references staff (id),
    created_at          timestamptz not null,
    refunded_at         timestamptz,
    refunded_by         bigint references staff (id),
    refund_reason       text,
    -- what the refund paid back and what bonus it forfeited
    refunded_cents      bigint,
    forfeited_cents     bigint,
    unique (store_id, reference)
);

create index wallet_recharge_member on wallet_recharge (member_id, id);

-- A recharge the member started in the mini-program; it counts only after WeChat Pay's verified notification.
create table wallet_recharge_order (
    id              bigserial primary key,
    brand_id        bigint      not null references brand (id),
    member_id       bigint      not null references member (id),
    store_id        bigint      not null references store (id),
    package_id      bigint      not null references recharge_package (id),
    idempotency_key text        not null,
    out_trade_no    text        not null unique,
    amount_cents    bigint      not null check (amount_cents > 0),
    prepay_id       text,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'PAID')),
    transaction_id  text unique,
    recharge_id     bigint references wallet_recharge (id),
    created_at      timestamptz not null,
    paid_at         timestamptz,
    unique (member_id, idempotency_key)
);

-- One movement of money: its entries add up to zero (double entry).
create table wallet_txn (
    id          bigserial primary key,
    brand_id    bigint      not null references brand (id),
    member_id   bigint      not null references member (id),
    kind        text        not null
        check (kind in ('RECHARGE', 'PAYMENT', 'PURCHASE_REFUND', 'RECHARGE_REFUND', 'BONUS_EXPIRY')),
    store_id    bigint references store (id),
    recharge_id bigint references wallet_recharge (id),
    purchase_id bigint references purchase (id),
    refund_id   bigint references refund (id),
    staff_id    bigint references staff (id),
    reference   text,
    created_at  timestamptz not null
);

create index wallet_txn_member on wallet_txn (member_id, id desc);
create index wallet_txn_purchase on wallet_txn (purchase_id) where purchase_id is not null;
create index wallet_txn_created on wallet_txn (brand_id, created_at);

-- Append-only entries. amount_cents > 0 is a credit, < 0 a debit. The member's accounts
-- (MEMBER_PRINCIPAL, MEMBER_BONUS) are liabilities: their credit balance is what the brand owes the
-- member, kept per lot (recharge_id). The others are the counter-accounts: CASH_RECEIVED,
-- CARD_RECEIVED, WECHAT_PAY_CLEARING (money in or out), SALES (paid from the wallet),
-- BONUS_EXPENSE (bonus given), BONUS_FORFEIT (bonus taken back: expired or refunded recharge).
create table wallet_entry (
    id           bigserial primary key,
    txn_id       bigint not null references wallet_txn (id),
    account      text   not null check (account in ('MEMBER_PRINCIPAL', 'MEMBER_BONUS', 'CASH_RECEIVED', 'CARD_RECEIVED',
                                                    'WECHAT_PAY_CLEARING', 'SALES', 'BONUS_EXPENSE', 'BONUS_FORFEIT')),
    member_id    bigint references member (id),
    recharge_id  bigint references wallet_recharge (id),
    store_id     bigint references store (id),
    amount_cents bigint not null check (amount_cents <> 0),
    check ((account in ('MEMBER_PRINCIPAL', 'MEMBER_BONUS')) = (member_id is not null and recharge_id is not null))
);

create index wallet_entry_txn on wallet_entry (txn_id);
create index wallet_entry_recharge on wallet_entry (recharge_id) where recharge_id is not null;

-- Every payment notification that reached us, verified or not.
create table wechat_pay_notification (
    id             bigserial primary key,
    received_at    timestamptz not null,
    outcome        text        not null check (outcome in ('CREDITED', 'DUPLICATE', 'REJECTED')),
    reason         text,
    out_trade_no   text,
    transaction_id text,
    serial         text,
    body           text
);

-- Points a recharge package gives.
alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REDEEM', 'REFUND_REVERSE', 'REFUND_RETURN', 'ADJUST', 'EXPIRE', 'CHECK_IN', 'MAKE_UP',
                    'REFERRAL', 'COUPON_EXCHANGE', 'CAMPAIGN', 'RECHARGE'));
