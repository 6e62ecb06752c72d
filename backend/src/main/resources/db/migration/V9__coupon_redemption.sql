-- Coupons redeemed inside a purchase: what they took off, and coupons given back by refunds.
alter table purchase add column coupon_discount_cents bigint not null default 0 check (coupon_discount_cents >= 0);
alter table purchase add constraint purchase_discounts_within_amount
    check (coupon_discount_cents + redeemed_cents <= amount_cents);

alter table refund add column coupons_returned int not null default 0;
alter table refund add column coupons_kept int not null default 0;
