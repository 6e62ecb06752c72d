-- The points lottery (lottery module): GOODS prizes, a points-mall item won as a mall redemption at
-- 0 points. The goods' own stock is taken by the mall module; the draw records the redemption it gave.

alter table lottery_prize drop constraint lottery_prize_kind_check;
alter table lottery_prize add constraint lottery_prize_kind_check check (kind in ('POINTS', 'COUPON', 'GOODS', 'NOTHING'));
alter table lottery_prize add column goods_id bigint;
alter table lottery_prize add constraint lottery_prize_goods_check check (kind <> 'GOODS' or goods_id is not null);

-- the mall redemption a GOODS prize gave (one per draw, never two draws for one redemption)
alter table lottery_draw add column mall_redemption_id bigint;
create unique index lottery_draw_mall_redemption on lottery_draw (mall_redemption_id) where mall_redemption_id is not null;

-- lotteries past their end that the LOTTERY_END job has yet to end
create index lottery_due_to_end on lottery (ends_at) where status in ('RUNNING', 'PAUSED');
