import { describe, test, expect } from 'vitest'
import Points from '../../src/pages/analytics/Points.vue'
import Tiers from '../../src/pages/analytics/Tiers.vue'
import LifetimeValue from '../../src/pages/analytics/LifetimeValue.vue'
import Basket from '../../src/pages/analytics/Basket.vue'
import { settle } from '../support/mount.js'
import { failure, mountAnalytics as mountPage, chartRows, stat, storePickerFixed, catchDownloads, exportPayload } from './analytics-fixtures.js'


const flow = (start, end, k = 1) => ({
  start, end, issued: 1000 * k, earned: 600 * k, checkIn: 200 * k, referral: 50 * k, campaign: 50 * k, stampCards: 40 * k,
  events: 30 * k, lotteryPrizes: 20 * k, rechargeBonus: 10 * k, redeemed: 400 * k,
  redeemedAtTill: 150 * k, couponExchange: 80 * k, makeUp: 20 * k, mallRedemptions: 120 * k, lotteryDraws: 30 * k,
  expired: 100 * k, reversedByRefunds: 10 * k, returnedByRefunds: 5 * k, adjustedUp: 30 * k, adjustedDown: 0, imported: 0,
  net: 525 * k
})
const economy = (liability = 123456) => ({
  pointsEconomy: {
    storeId: null, liability, liabilityCents: Math.floor(liability / 100),
    expiring: [{ days: 30, points: 1000, cents: 10 }, { days: 60, points: 2500, cents: 25 }, { days: 90, points: 4000, cents: 40 }],
    total: flow('2026-11-01', '2026-11-30', 2),
    series: [flow('2026-11-01', '2026-11-15'), flow('2026-11-16', '2026-11-30')]
  }
})
const tiers = (members = [60, 30, 10]) => ({
  tierReport: {
    storeId: null,
    tiers: [{ level: 1, name: '普通会员', members: members[0], share: 0.6 }, { level: 2, name: '银卡', members: members[1], share: 0.3 }, { level: 3, name: '金卡', members: members[2], share: 0.1 }],
    series: [{ start: '2026-11-01', end: '2026-11-30', tiers: [{ level: 1, name: '普通会员', members: 58 }, { level: 3, name: '金卡', members: 9 }] }],
    moves: [{ month: '2026-11', reviewed: 90, reviewUpgrades: 4, reviewDowngrades: 2, instantUpgrades: 3, upgrades: 7, downgrades: 2 }]
  }
})
const ltv = (segments = null) => ({
  lifetimeValueBySegment: {
    groupBy: 'RFM_SEGMENT', storeId: null, monthlyChurnRate: 0.05, expectedLifetimeMonths: 20,
    segments: segments || [
      { key: 'IMPORTANT_VALUE', label: '重要价值客户', members: 12, historicalValueCents: 1200000, averageHistoricalValueCents: 100000, predictedValueCents: 600000, averagePredictedValueCents: 50000, lifetimeValueCents: 1800000 },
      { key: null, label: '未评分', members: 3, historicalValueCents: 0, averageHistoricalValueCents: 0, predictedValueCents: 0, averagePredictedValueCents: 0, lifetimeValueCents: 0 }
    ]
  },
  topMembersByValue: [{ memberId: '7', nickname: '小红', orders: 9, historicalValueCents: 300000, predictedValueCents: 150000, lifetimeValueCents: 450000, lastPurchaseOn: '2026-12-01' }]
})
const oneMember = {
  memberLifetimeValue: {
    memberId: '7', nickname: '小红', orders: 9, historicalValueCents: 300000, averageOrderCents: 33333, purchasesPerMonth: 1.5,
    firstPurchaseOn: '2026-01-05', lastPurchaseOn: '2026-12-01', predictedValueCents: 150000, lifetimeValueCents: 450000,
    monthlyChurnRate: 0.05, expectedLifetimeMonths: 20
  }
}
const rules = (ruleList = null) => ({
  associationRules: {
    asOf: '2026-12-06', computedAt: '2026-12-06T19:00:00Z', windowDays: 90, baskets: 1500, minSupport: 0.01, minConfidence: 0.2,
    maxItemsetSize: 3, miningMillis: 420, ruleCount: 37,
    rules: ruleList || [{
      text: '生日蛋糕（6寸） → 生日蜡烛', support: 0.0523, confidence: 0.64, lift: 3.2,
      antecedent: [{ sku: 'CAKE-BDAY-6', name: '生日蛋糕（6寸）', category: '蛋糕' }], consequent: { sku: 'ACC-CANDLE', name: '生日蜡烛', category: '配件' }
    }]
  }
})

describe('points economy', () => {
  test('the liability, what expires soon and each period\'s flows', async () => {
    const { wrapper, calls } = await mountPage(Points, { role: 'MARKETER', path: '/analytics/points', answers: { ConsolePointsEconomy: economy() } })
    expect(stat(wrapper, '积分负债')).toContain('123,456')
    expect(stat(wrapper, '积分负债')).toContain('¥12.34')
    expect(stat(wrapper, '30天内到期')).toContain('1,000')
    expect(stat(wrapper, '90天内到期')).toContain('¥0.40')
    expect(chartRows(wrapper, '发放、使用与过期')[0]).toEqual(['11-01~11-15', '1000', '400', '100', '525'])
    expect(wrapper.find('.breakdown').text()).toContain('兑换优惠券')
    expect(wrapper.find('.breakdown').text()).toContain('1,050') // net of the range
    // what the points were spent on: the till, coupons, make-up, the mall, the lottery
    expect(chartRows(wrapper, '积分用途')[0]).toEqual(['11-01~11-15', '150', '80', '20', '120', '30'])
    expect(chartRows(wrapper, '积分来源')[1]).toEqual(['11-16~11-30', '600', '200', '50', '50', '40', '30', '20', '10'])
    const line = label => wrapper.findAll('.breakdown tbody tr').map(r => r.text().trim()).find(t => t.startsWith(label))
    expect(line('积分商城')).toContain('240')
    expect(line('积分抽奖')).toContain('60')
    expect(line('抽奖奖品')).toContain('40')
    expect(line('使用合计')).toContain('800')
    expect(calls.find(c => c.operationName === 'ConsolePointsEconomy').variables.range.granularity).toBe('WEEK')
  })

  test('a store manager reads their own store, and exports POINTS_ECONOMY', async () => {
    catchDownloads()
    const exports = []
    const { wrapper } = await mountPage(Points, {
      role: 'STORE_MANAGER', path: '/analytics/points',
      answers: { ConsolePointsEconomy: economy(), ConsoleExportReport: v => { exports.push(v.input); return exportPayload() } }
    })
    expect(storePickerFixed(wrapper)).toBe(true)
    await wrapper.find('[data-export=POINTS_ECONOMY]').trigger('click')
    await settle()
    expect(exports[0]).toMatchObject({ report: 'POINTS_ECONOMY', range: { granularity: 'WEEK', storeId: '1' } })
  })

  test('nothing held and nothing moved is the empty state; a failure says so', async () => {
    const zero = economy(0)
    zero.pointsEconomy.total = { ...flow('2026-11-01', '2026-11-30', 0) }
    const empty = await mountPage(Points, { role: 'MARKETER', path: '/analytics/points', answers: { ConsolePointsEconomy: zero } })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('这段时间没有积分变动')
    const failed = await mountPage(Points, { role: 'MARKETER', path: '/analytics/points', answers: { ConsolePointsEconomy: failure } })
    expect(failed.wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})

describe('tiers', () => {
  test('members per tier now, at the end of each period, and each month\'s moves', async () => {
    const { wrapper } = await mountPage(Tiers, { role: 'MARKETER', path: '/analytics/tiers?by=MONTH', answers: { ConsoleTierReport: tiers() } })
    expect(chartRows(wrapper, '当前等级分布')).toEqual([['普通会员', '60', '60.0%'], ['银卡', '30', '30.0%'], ['金卡', '10', '10.0%']])
    // a tier without members at a period's end shows 0
    expect(chartRows(wrapper, '各期末等级人数')).toEqual([['11-01~11-30', '58', '0', '9']])
    const move = wrapper.find('.moves tbody tr').text()
    expect(move).toContain('2026-11')
    expect(move).toContain('90')
    expect(move).toContain('7')
  })

  test('no members is the empty state', async () => {
    const { wrapper } = await mountPage(Tiers, { role: 'ADMIN', path: '/analytics/tiers', answers: { ConsoleTierReport: tiers([0, 0, 0]) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有会员')
  })
})

describe('lifetime value', () => {
  test('value per segment and the top members, each linking to the member\'s page', async () => {
    const { wrapper, calls } = await mountPage(LifetimeValue, { role: 'MARKETER', path: '/analytics/lifetime-value', answers: { ConsoleLifetimeValue: ltv() } })
    expect(calls.find(c => c.operationName === 'ConsoleLifetimeValue').variables).toEqual({ groupBy: 'RFM_SEGMENT', storeId: null, first: 20 })
    expect(stat(wrapper, '预期生命周期')).toContain('20.0 个月')
    expect(chartRows(wrapper, '人均价值（元）')).toEqual([['重要价值客户', '1000', '500'], ['未评分', '0', '0']])
    const link = wrapper.find('.top-members a')
    expect(link.text()).toBe('小红')
    expect(link.attributes('href')).toContain('/members/7')
    expect(wrapper.find('.top-members').text()).toContain('¥4,500.00')
  })

  test('grouping, top N and store come from the URL', async () => {
    const { calls } = await mountPage(LifetimeValue, { role: 'ADMIN', path: '/analytics/lifetime-value?group=TAG&top=50&store=2', answers: { ConsoleLifetimeValue: ltv() } })
    expect(calls.find(c => c.operationName === 'ConsoleLifetimeValue').variables).toEqual({ groupBy: 'TAG', storeId: '2', first: 50 })
  })

  test('one member looked up by ID, a member not found, and an ID that is not a number', async () => {
    const { wrapper, calls } = await mountPage(LifetimeValue, {
      role: 'STORE_MANAGER', path: '/analytics/lifetime-value?member=7',
      answers: { ConsoleLifetimeValue: ltv(), ConsoleMemberLifetimeValue: v => (v.memberId === '7' ? oneMember : { memberLifetimeValue: null }) }
    })
    expect(storePickerFixed(wrapper)).toBe(true)
    expect(calls.find(c => c.operationName === 'ConsoleLifetimeValue').variables.storeId).toBe('1')
    const card = wrapper.find('.member-lookup')
    expect(card.text()).toContain('¥3,000.00')
    expect(card.text()).toContain('1.50 次')
    const other = await mountPage(LifetimeValue, {
      role: 'MARKETER', path: '/analytics/lifetime-value?member=999',
      answers: { ConsoleLifetimeValue: ltv(), ConsoleMemberLifetimeValue: { memberLifetimeValue: null } }
    })
    expect(other.wrapper.find('.member-lookup [data-state=empty]').text()).toContain('没有会员 #999')
    const typo = await mountPage(LifetimeValue, { role: 'MARKETER', path: '/analytics/lifetime-value?member=abc', answers: { ConsoleLifetimeValue: ltv() } })
    expect(typo.wrapper.find('.member-lookup').text()).toContain('会员 ID 应为数字')
    expect(typo.calls.map(c => c.operationName)).not.toContain('ConsoleMemberLifetimeValue')
  })

  test('typing an ID and 查询 puts the member in the URL', async () => {
    const { wrapper, router } = await mountPage(LifetimeValue, {
      role: 'MARKETER', path: '/analytics/lifetime-value', answers: { ConsoleLifetimeValue: ltv(), ConsoleMemberLifetimeValue: oneMember }
    })
    await wrapper.find('.member-input input').setValue('7')
    await wrapper.findAll('.member-lookup button').find(b => b.text() === '查询').trigger('click')
    await settle()
    expect(router.currentRoute.value.query.member).toBe('7')
    expect(wrapper.find('.member-lookup').text()).toContain('小红')
  })

  test('no segments is the empty state', async () => {
    const { wrapper } = await mountPage(LifetimeValue, { role: 'MARKETER', path: '/analytics/lifetime-value', answers: { ConsoleLifetimeValue: ltv([]) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有会员消费')
  })
})

describe('basket analysis', () => {
  test('the last mining run and its strongest rules', async () => {
    const { wrapper, calls } = await mountPage(Basket, { role: 'MARKETER', path: '/analytics/basket?top=50', answers: { ConsoleAssociationRules: rules() } })
    expect(calls.find(c => c.operationName === 'ConsoleAssociationRules').variables).toEqual({ first: 50 })
    expect(wrapper.find('.run').text()).toContain('1500')
    expect(wrapper.find('.run').text()).toContain('37')
    const row = wrapper.find('.rules tbody tr').text()
    expect(row).toContain('生日蛋糕（6寸） → 生日蜡烛')
    expect(row).toContain('5.23%')
    expect(row).toContain('64.0%')
    expect(row).toContain('3.20')
  })

  test('before the first run, and a run without rules, say what to expect', async () => {
    const none = await mountPage(Basket, { role: 'STORE_MANAGER', path: '/analytics/basket', answers: { ConsoleAssociationRules: { associationRules: null } } })
    expect(none.wrapper.find('[data-state=empty]').text()).toContain('每晚 03:00')
    const noRules = await mountPage(Basket, { role: 'MARKETER', path: '/analytics/basket', answers: { ConsoleAssociationRules: rules([]) } })
    expect(noRules.wrapper.find('[data-state=empty]').text()).toContain('没有找到满足阈值的规则')
  })
})
