-- Points spent now includes the points mall and lottery draws (analytics LedgerKinds.SPENDING): the
-- partial index behind the activity and health numbers' reads of spending takes the same kinds.
create index points_ledger_spending on points_ledger (brand_id, created_at)
    where kind in ('REDEEM', 'MAKE_UP', 'COUPON_EXCHANGE', 'MALL_REDEEM', 'LOTTERY_DRAW');
drop index points_ledger_spent;
