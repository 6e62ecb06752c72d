/** Shared data and steps of the coupon and wallet page tests. */
import { afterEach } from 'vitest'
import { mountPage as mount, settle } from '../support/mount.js'


const mounted = []
/** mountPage, unmounted after the test so its dialogs leave document.body. */
export async function mountPage(page, options) {
  const result = await mount(page, { ...options, answers: { ConsoleCouponFormTiers: TIERS, ...(options && options.answers) } })
  mounted.push(result.wrapper)
  return result
}
afterEach(() => {
  while (mounted.length) mounted.pop().unmount()
  document.body.innerHTML = ''
})

export const template = (id, overrides = {}) => ({
  id, name: '满200减50', status: 'ACTIVE', archivedAt: null, kind: 'AMOUNT_OFF', amountOffCents: 5000, thresholdCents: 20000,
  percentOff: null, maxDiscountCents: null, giftName: null, validFrom: null, validUntil: null, validDays: 30,
  totalStock: 500, remainingStock: 480, perMemberLimit: 1, minTierLevel: 0, storeIds: null, categories: ['茶饮'],
  channel: 'STORE', stackable: false, claimable: true, pointsPrice: null, claimPhase: 'OPEN', earlyAccess: null,
  usage: { issued: 20, redeemed: 5, remainingStock: 480 }, ...overrides
})
/** The seeded tiers the form chooses early access from. */
export const TIERS = { tiers: [{ level: 0, name: '普通' }, { level: 1, name: '银卡' }, { level: 2, name: '金卡' }, { level: 3, name: '黑钻' }] }

export const page = (nodes, hasNextPage = false) => ({
  couponTemplates: { totalCount: nodes.length, pageInfo: { hasNextPage, endCursor: 'c1' }, edges: nodes.map(node => ({ node })) }
})
// buttons in the table's rows and the page's toolbar (not Element Plus's hidden column templates)
export const buttons = (wrapper, text) => wrapper.findAll('.el-table__body button, .toolbar button').filter(b => b.text() === text)
export const inBody = selector => document.body.querySelector(selector)

/** Types into an Element Plus input inside `root` found by data-test, as a person would. */
export async function typeInto(root, name, value) {
  const input = root.querySelector(`[data-test=${name}] input`) || root.querySelector(`input[data-test=${name}]`)
  input.value = String(value)
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('change'))
  input.dispatchEvent(new Event('blur'))
  await settle()
}

