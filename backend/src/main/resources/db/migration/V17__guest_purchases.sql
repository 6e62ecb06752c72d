-- Purchases without a member (walk-in customers, 非会员): recorded so member and non-member
-- numbers can be compared. They earn no points and take no coupons or points.
alter table purchase alter column member_id drop not null;
