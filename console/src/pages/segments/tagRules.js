/** Rule tag conditions: their Chinese names, which numbers each kind takes, and a sentence per rule. */
import { money } from '../../format.js'

export const CONDITION_KINDS = [
  { value: 'CATEGORY_PURCHASES', label: '购买某品类', fields: ['category', 'minCount', 'withinDays'] },
  { value: 'PURCHASE_COUNT', label: '消费次数', fields: ['minCount', 'withinDays'] },
  { value: 'TOTAL_SPEND', label: '累计消费金额', fields: ['minCents', 'withinDays'] },
  { value: 'AVERAGE_ORDER_VALUE', label: '客单价', fields: ['minCents', 'withinDays'] },
  { value: 'BIRTHDAY_THIS_MONTH', label: '本月生日', fields: [] },
  { value: 'NO_PURCHASE_FOR', label: '多久未消费', fields: ['days'] }
]

export function fieldsOf(kind) {
  return (CONDITION_KINDS.find(k => k.value === kind) || { fields: [] }).fields
}

/** One condition in words, e.g. "90 天内购买「儿童玩具」至少 3 单". */
export function describeCondition(c) {
  switch (c.kind) {
    case 'CATEGORY_PURCHASES': return `${c.withinDays} 天内购买「${c.category}」至少 ${c.minCount} 单`
    case 'PURCHASE_COUNT': return `${c.withinDays} 天内至少消费 ${c.minCount} 单`
    case 'TOTAL_SPEND': return `${c.withinDays} 天内累计消费不低于 ${money(c.minCents)}`
    case 'AVERAGE_ORDER_VALUE': return `${c.withinDays} 天内客单价不低于 ${money(c.minCents)}`
    case 'BIRTHDAY_THIS_MONTH': return '本月过生日'
    case 'NO_PURCHASE_FOR': return `${c.days} 天未消费`
    default: return c.kind
  }
}

export function describeRule(rule) {
  return rule ? rule.conditions.map(describeCondition).join('，且') : '手动添加'
}

/** An editable condition (money in yuan) from a stored one, and back to TagConditionInput (cents). */
export function editable(c = { kind: 'PURCHASE_COUNT' }) {
  return {
    kind: c.kind,
    category: c.category || '',
    minCount: c.minCount ?? null,
    minYuan: c.minCents === null || c.minCents === undefined ? null : c.minCents / 100,
    withinDays: c.withinDays ?? null,
    days: c.days ?? null
  }
}

export function toInput(c) {
  const fields = fieldsOf(c.kind)
  const input = { kind: c.kind }
  if (fields.includes('category')) input.category = c.category.trim()
  if (fields.includes('minCount')) input.minCount = c.minCount
  if (fields.includes('minCents')) input.minCents = c.minYuan === null ? null : Math.round(c.minYuan * 100)
  if (fields.includes('withinDays')) input.withinDays = c.withinDays
  if (fields.includes('days')) input.days = c.days
  return input
}
