/** How the points mall reads in the console: statuses, fulfilment, prices, stock, limits and redemption states. */
import { money, dateTime } from '../../format.js'

export const STATUSES = [
  { value: 'DRAFT', label: '草稿', tag: 'info' },
  { value: 'ON_SALE', label: '兑换中', tag: 'success' },
  { value: 'PAUSED', label: '已暂停', tag: 'warning' },
  { value: 'ARCHIVED', label: '已归档', tag: 'info' }
]
export const FULFILMENTS = [{ value: 'PICKUP', label: '到店自提' }, { value: 'DELIVERY', label: '快递配送' }]
export const STATES = [
  { value: 'AWAITING_PICKUP', label: '待提货', tag: 'warning' },
  { value: 'AWAITING_SHIPMENT', label: '待发货', tag: 'warning' },
  { value: 'PICKED_UP', label: '已提货', tag: 'success' },
  { value: 'SHIPPED', label: '已发货', tag: 'success' },
  { value: 'CANCELLED', label: '已取消', tag: 'info' },
  { value: 'EXPIRED', label: '逾期退回', tag: 'info' }
]

const find = (list, value) => list.find(x => x.value === value) || { label: value, tag: 'info' }
export const statusName = s => find(STATUSES, s).label
export const statusTag = s => find(STATUSES, s).tag
export const fulfilmentName = f => find(FULFILMENTS, f).label
export const stateName = s => find(STATES, s).label
export const stateTag = s => find(STATES, s).tag

/** "1200 积分" or "1200 积分 + ¥9.90（到店付）". */
export function price(g) {
  return Number(g.cashCents) > 0 ? `${g.pointsPrice} 积分 + ${money(g.cashCents)}（到店付）` : `${g.pointsPrice} 积分`
}

/**
 * What a redemption cost: "1200 积分", "3 件 · 3600 积分 + ¥29.70（到店付）" for several units, or
 * "抽奖奖品" for a prize won in the lottery (0 points).
 */
export function redemptionPrice(r) {
  if (r.source === 'LOTTERY') return '抽奖奖品'
  const total = Number(r.cashTotalCents) > 0 ? `${r.pointsTotal} 积分 + ${money(r.cashTotalCents)}（到店付）` : `${r.pointsTotal} 积分`
  return r.quantity > 1 ? `${r.quantity} 件 · ${total}` : total
}

/** Where a pickup is collected: the store chosen, or any store for a lottery prize not yet handed over. */
export function pickupWhere(r) {
  return r.pickupStoreName ? `${r.pickupStoreName}自提` : '任一门店自提'
}

/** "剩 8" (brand-wide) or "剩 8（徐汇店 5、静安店 3）". */
export function stock(g) {
  if (g.stockScope !== 'STORE') return `剩 ${g.stockLeft}`
  return `剩 ${g.stockLeft}（${(g.storeStocks || []).map(s => `${s.storeName} ${s.remaining}`).join('、')}）`
}

export function limit(g) {
  if (!g.limitPerMember) return '不限'
  return `每人${g.limitPeriod === 'MONTH' ? '每月' : ''} ${g.limitPerMember} 件`
}

export function schedule(g) {
  if (!g.openFrom) return '上架即可兑换'
  const everyone = `${dateTime(g.openFrom)} 全员开放`
  return g.earlyAccessFrom ? `等级 ${g.earlyAccessTierLevel} 及以上 ${dateTime(g.earlyAccessFrom)} 起优先；${everyone}` : everyone
}

/** What the people who run the mall may do to goods in this status. */
export function actionsFor(status) {
  return {
    publish: status === 'DRAFT' || status === 'PAUSED',
    pause: status === 'ON_SALE',
    archive: status !== 'ARCHIVED',
    edit: status !== 'ARCHIVED'
  }
}
