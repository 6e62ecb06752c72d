/** Words the lottery pages show for the API's enums. */
export const STATUS = { DRAFT: '草稿', RUNNING: '进行中', PAUSED: '已暂停', ENDED: '已结束' }
export const STATUS_TAG = { DRAFT: 'info', RUNNING: 'success', PAUSED: 'warning', ENDED: 'info' }
export const STATUSES = ['DRAFT', 'RUNNING', 'PAUSED', 'ENDED']
export const PRIZE_KIND = { POINTS: '积分', COUPON: '优惠券', GOODS: '商品', NOTHING: '谢谢参与' }

/** Basis points as a percentage: 50 → 0.50%. */
export function chance(bp) {
  return `${(bp / 100).toFixed(2)}%`
}

/** What one prize gives, in words. */
export function prizeText(prize) {
  if (prize.kind === 'POINTS') return `${prize.points} 积分`
  if (prize.kind === 'COUPON') return `优惠券 #${prize.couponTemplateId}`
  if (prize.kind === 'GOODS') return `积分商城商品 #${prize.goodsId}（到店自提）`
  return '—'
}
