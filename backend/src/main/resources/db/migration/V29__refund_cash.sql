-- What each refund hands back in cash or by card (the part of the order not paid with points,
-- coupons or stored value, in proportion). Null for refunds recorded before it was kept.
alter table refund add column cash_returned_cents bigint;
