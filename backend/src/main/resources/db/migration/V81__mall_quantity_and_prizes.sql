-- The points mall (mall module): a redemption of several units at once, and redemptions that are
-- prizes of another module (the lottery) rather than bought with points.

-- Units in one redemption: the points and cash are the version's unit price times this; the limit,
-- the stock and a cancellation or expiry count them all.
alter table mall_redemption add column quantity int not null default 1 check (quantity >= 1);

-- REDEEM: bought by the member with points; LOTTERY: won in a draw (0 points, 0 cash, collected at
-- any store of the brand: pickup_store_id stays null until the store that hands it over is recorded).
-- Prizes do not count against the member's limit of the goods.
alter table mall_redemption add column source text not null default 'REDEEM' check (source in ('REDEEM', 'LOTTERY'));

-- A member's own idempotency keys and the keys prizes are given under never meet.
alter table mall_redemption drop constraint mall_redemption_member_id_idempotency_key_key;
alter table mall_redemption add constraint mall_redemption_member_source_key unique (member_id, source, idempotency_key);
