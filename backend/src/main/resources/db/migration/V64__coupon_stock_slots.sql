-- Flash coupon drops: the stock of a template is a set of numbered slots, 1..total_stock. Each coupon
-- of a template with a stock holds one slot, unique per template, so Postgres itself refuses a
-- coupon beyond the stock without any claim updating a shared row (the hot coupon_template row
-- every claim used to wait for). Which slot a claim gets is decided by the Redis gate
-- (CouponStockGate); see docs/performance.md, "Flash coupon drops".
alter table member_coupon add column stock_slot int check (stock_slot > 0);

-- coupons handed out before: numbered in the order they were got
update member_coupon c set stock_slot = s.n
from (select m.id, row_number() over (partition by m.template_id order by m.id) as n
      from member_coupon m join coupon_template t on t.id = m.template_id
      where t.total_stock is not null) s
where s.id = c.id;

-- also what counts a template's coupons (issued = count(*)), by template
create unique index member_coupon_stock_slot on member_coupon (template_id, stock_slot);

-- coupon_template.issued is no longer kept: issued is counted from member_coupon where it is read.
-- The column stays, no longer updated, so that an older build can still run on this schema.
comment on column coupon_template.issued is 'not updated since V64: issued is count(*) of the template''s member_coupon rows';
