import { describe, test, expect } from 'vitest'
import RechargePackages from '../../src/pages/wallet/RechargePackages.vue'
import MemberRecharges from '../../src/pages/wallet/MemberRecharges.vue'
import WalletReport from '../../src/pages/wallet/WalletReport.vue'
import { settle } from '../support/mount.js'
import { mountPage, buttons, typeInto } from './coupons-fixtures.js'
import { today } from '../../src/format.js'

const pkg = (id, overrides = {}) => ({
  id, name: '充500送50', payCents: 50000, bonusCents: 5000, bonusValidDays: 365, bonusPoints: 100, couponPackId: '4',
  storeIds: ['1'], active: true, createdAt: '2026-11-01T02:00:00Z', ...overrides
})
const packages = nodes => ({ rechargePackagesPage: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(node => ({ node })) } })
const couponPacks = { couponPacks: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: { id: '4', name: '储值礼包', status: 'ACTIVE', archivedAt: null, items: [] } }] } }

describe('recharge packages', () => {
  test('an admin sees each package with price, bonus, points, pack and stores, and may create one', async () => {
    const { wrapper } = await mountPage(RechargePackages, {
      role: 'ADMIN', path: '/wallet',
      answers: { ConsoleRechargePackages: packages([pkg('1'), pkg('2', { name: '充1000送150', payCents: 100000, bonusCents: 15000, bonusValidDays: null, couponPackId: null, storeIds: null, active: false })]), ConsoleCouponPacks: couponPacks }
    })
    const rows = wrapper.findAll('[data-test=package-table] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('¥500.00')
    expect(rows[0]).toContain('¥50.00')
    expect(rows[0]).toContain('365 天')
    expect(rows[0]).toContain('储值礼包')
    expect(rows[0]).toContain('徐汇店')
    expect(rows[0]).toContain('在售')
    expect(rows[1]).toContain('不过期')
    expect(rows[1]).toContain('全部门店')
    expect(rows[1]).toContain('已下架')
    expect(wrapper.find('[data-test=create-package]').exists()).toBe(true)
    expect(buttons(wrapper, '上架')).toHaveLength(1)
  })

  test('a store manager reads their store\'s packages but cannot change them', async () => {
    const { wrapper, calls } = await mountPage(RechargePackages, {
      role: 'STORE_MANAGER', path: '/wallet?active=true', answers: { ConsoleRechargePackages: packages([pkg('1')]), ConsoleCouponPacks: couponPacks }
    })
    const last = calls.filter(c => c.operationName === 'ConsoleRechargePackages').pop()
    expect(last.variables.filter).toEqual({ active: true, storeId: '1' })
    expect(wrapper.find('[data-test=create-package]').exists()).toBe(false)
    expect(buttons(wrapper, '编辑')).toHaveLength(0)
    expect(buttons(wrapper, '下架')).toHaveLength(0)
  })

  test('no package shows the empty state, and a failed load the error', async () => {
    const empty = await mountPage(RechargePackages, { role: 'ADMIN', path: '/wallet?active=false', answers: { ConsoleRechargePackages: packages([]), ConsoleCouponPacks: couponPacks } })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的充值套餐')
    const failed = await mountPage(RechargePackages, { role: 'ADMIN', path: '/wallet', answers: { ConsoleRechargePackages: () => { throw new TypeError('offline') }, ConsoleCouponPacks: couponPacks } })
    expect(failed.wrapper.find('[data-state=error]').text()).toContain('网络连接失败')
  })

  test('an admin creates a package: yuan sent as cents, with the bonus validity, points and coupon pack', async () => {
    const { wrapper, calls } = await mountPage(RechargePackages, {
      role: 'ADMIN', path: '/wallet',
      answers: {
        ConsoleRechargePackages: packages([]), ConsoleCouponPacks: couponPacks,
        ConsoleCreateRechargePackage: v => ({ createRechargePackage: { rechargePackage: pkg('9', { name: v.input.name }), userErrors: [] } })
      }
    })
    await wrapper.find('[data-test=create-package]').trigger('click')
    await settle()
    const form = document.body.querySelector('[data-test=package-form]')
    await typeInto(form, 'package-name', '充300送30')
    await typeInto(form, 'package-pay', '300')
    await typeInto(form, 'package-bonus', '30')
    document.body.querySelector('[data-test=package-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleCreateRechargePackage').variables.input).toEqual({
      name: '充300送30', payCents: 30000, bonusCents: 3000, bonusPoints: 0, bonusValidDays: 365, couponPackId: null, storeIds: null
    })
  })

  test('a bonus above the price is not sent', async () => {
    const { wrapper, calls } = await mountPage(RechargePackages, {
      role: 'ADMIN', path: '/wallet', answers: { ConsoleRechargePackages: packages([]), ConsoleCouponPacks: couponPacks }
    })
    await wrapper.find('[data-test=create-package]').trigger('click')
    await settle()
    const form = document.body.querySelector('[data-test=package-form]')
    await typeInto(form, 'package-name', '送太多')
    await typeInto(form, 'package-pay', '100')
    await typeInto(form, 'package-bonus', '200')
    document.body.querySelector('[data-test=package-save]').click()
    await settle()
    expect(calls.filter(c => c.operationName === 'ConsoleCreateRechargePackage')).toHaveLength(0)
    expect([...form.querySelectorAll('.el-form-item.is-error label')].map(l => l.textContent)).toEqual(['赠送金额（元）'])
  })
})

const recharge = (id, overrides = {}) => ({
  id, packageId: '1', storeId: '1', channel: 'CASH', reference: 'RC-0001', payCents: 50000, bonusCents: 5000,
  principalRemainingCents: 30000, bonusRemainingCents: 5000, bonusExpiresAt: '2027-11-01T00:00:00Z', status: 'ACTIVE',
  createdAt: '2026-11-01T02:00:00Z', refundedAt: null, refundedCents: null, forfeitedCents: null, refundReason: null, ...overrides
})
const walletOf = (recharges, overrides = {}) => ({
  member: {
    id: '5',
    member: {
      id: '5', nickname: '小爱', phone: '138****0001',
      wallet: {
        balanceCents: 35000, principalCents: 30000, bonusCents: 5000, recharges,
        history: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: { id: '70', kind: 'PAYMENT', amountCents: -20000, principalCents: -20000, bonusCents: 0, storeId: '1', reference: null, orderNo: 'POS-1', createdAt: '2026-11-05T02:00:00Z' } }] },
        ...overrides
      }
    }
  }
})
const names = { rechargePackagesPage: { edges: [{ node: { id: '1', name: '充500送50' } }] } }

describe('member recharges and refunds', () => {
  test('without a member the page asks to find one and loads nothing', async () => {
    const { wrapper, calls } = await mountPage(MemberRecharges, { role: 'STORE_MANAGER', path: '/wallet/recharges', answers: { ConsoleRechargePackageNames: names } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('查找一位会员')
    expect(calls.filter(c => c.operationName === 'ConsoleMemberWallet')).toHaveLength(0)
  })

  test('finding a member by phone puts them in the URL and shows their balance, recharges and movements', async () => {
    const { wrapper, router, calls } = await mountPage(MemberRecharges, {
      role: 'STORE_MANAGER', path: '/wallet/recharges',
      answers: {
        ConsoleRechargePackageNames: names,
        ConsoleMemberLookup: { findMembers: { totalCount: 1, edges: [{ node: { id: '5', member: { id: '5', nickname: '小爱', phone: '138****0001', registrationStoreId: '1' } } }] } },
        ConsoleMemberWallet: walletOf([recharge('31')])
      }
    })
    await typeInto(wrapper.element, 'member-search', '13800130001')
    await wrapper.find('[data-test=member-search-button]').trigger('click')
    await settle()
    expect(router.currentRoute.value.query.memberId).toBe('5')
    expect(calls.find(c => c.operationName === 'ConsoleMemberWallet').variables).toEqual({ id: '5', after: null })
    expect(wrapper.find('[data-test=wallet-balance]').text()).toContain('¥350.00')
    const row = wrapper.find('[data-test=recharge-table] .el-table__body tr').text()
    expect(row).toContain('充500送50')
    expect(row).toContain('现金')
    expect(row).toContain('¥300.00 / ¥50.00')
    expect(wrapper.text()).toContain('POS-1')
    expect(wrapper.text()).toContain('消费')
  })

  test('a refund asks for a reason, says what is paid back and forfeited, and shows the recharge refunded', async () => {
    let refunded = false
    const { wrapper, calls } = await mountPage(MemberRecharges, {
      role: 'ADMIN', path: '/wallet/recharges?memberId=5',
      answers: {
        ConsoleRechargePackageNames: names,
        ConsoleMemberWallet: () => walletOf([refunded ? recharge('31', { status: 'REFUNDED', refundedCents: 30000, forfeitedCents: 5000, refundReason: '顾客退卡', principalRemainingCents: 0, bonusRemainingCents: 0 }) : recharge('31')]),
        ConsoleRefundRecharge: () => { refunded = true; return { refundRecharge: { replayed: false, recharge: recharge('31', { status: 'REFUNDED' }), userErrors: [] } } }
      }
    })
    await buttons(wrapper, '退款')[0].trigger('click')
    await settle()
    const summary = document.body.querySelector('[data-test=refund-summary]').textContent
    expect(summary).toContain('退还本金¥300.00')
    expect(summary).toContain('作废赠送金¥50.00')
    document.body.querySelector('[data-test=refund-confirm]').click()
    await settle()
    expect(document.body.textContent).toContain('请填写退款原因')
    expect(calls.filter(c => c.operationName === 'ConsoleRefundRecharge')).toHaveLength(0)
    await typeInto(document.body, 'refund-reason', '顾客退卡')
    document.body.querySelector('[data-test=refund-confirm]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleRefundRecharge').variables).toEqual({ input: { rechargeId: '31', reason: '顾客退卡' } })
    const row = wrapper.find('[data-test=recharge-table] .el-table__body tr').text()
    expect(row).toContain('已退款 ¥300.00')
    expect(row).toContain('顾客退卡')
    expect(buttons(wrapper, '退款')).toHaveLength(0)
  })

  test('a member the manager may not see says so', async () => {
    const { wrapper } = await mountPage(MemberRecharges, {
      role: 'STORE_MANAGER', path: '/wallet/recharges?memberId=99', answers: { ConsoleRechargePackageNames: names, ConsoleMemberWallet: { member: null } }
    })
    expect(wrapper.find('[data-state=empty]').text()).toContain('找不到这位会员')
  })

  test('a refused refund shows the API\'s message and leaves the recharge as it was', async () => {
    const { wrapper } = await mountPage(MemberRecharges, {
      role: 'STORE_MANAGER', path: '/wallet/recharges?memberId=5',
      answers: {
        ConsoleRechargePackageNames: names,
        ConsoleMemberWallet: walletOf([recharge('31', { storeId: '2' })]),
        ConsoleRefundRecharge: { refundRecharge: { replayed: false, recharge: null, userErrors: [{ field: [], code: 'FORBIDDEN', message: '只能退本店的充值' }] } }
      }
    })
    await buttons(wrapper, '退款')[0].trigger('click')
    await settle()
    await typeInto(document.body, 'refund-reason', '顾客退卡')
    document.body.querySelector('[data-test=refund-confirm]').click()
    await settle()
    expect(document.body.textContent).toContain('只能退本店的充值')
    expect(wrapper.find('[data-test=recharge-table] .el-table__body tr').text()).toContain('有效')
  })
})

const numbers = (start, end, extra = {}) => ({
  start, end, recharges: 2, rechargedCents: 80000, bonusGrantedCents: 8000, spentPrincipalCents: 20000, spentBonusCents: 1000,
  bonusCostCents: 1000, rechargeRefundedCents: 0, bonusForfeitedCents: 0, ...extra
})
const walletReport = {
  walletReport: {
    storeId: null,
    total: numbers('2026-11-01', '2026-11-30'),
    periods: [numbers('2026-11-01', '2026-11-01'), numbers('2026-11-02', '2026-11-02', { rechargedCents: 0 })],
    liability: { asOf: '2026-12-07T02:00:00Z', principalCents: 60000, bonusCents: 7000, totalCents: 67000, byStore: [
      { storeId: '1', principalCents: 50000, bonusCents: 5000, totalCents: 55000 }, { storeId: '2', principalCents: 10000, bonusCents: 2000, totalCents: 12000 }] }
  }
}

describe('stored-value liability', () => {
  test('shows what the brand owes now per store and the period\'s flows', async () => {
    const { wrapper, calls } = await mountPage(WalletReport, { role: 'ADMIN', path: '/wallet/report', answers: { ConsoleWalletLiabilityReport: walletReport } })
    expect(calls.find(c => c.operationName === 'ConsoleWalletLiabilityReport').variables.range).toEqual({ from: today(-29), to: today(), granularity: 'DAY', storeId: null })
    expect(wrapper.find('[data-test=liability]').text()).toContain('¥670.00')
    const byStore = wrapper.find('[data-test=liability-by-store]').text()
    expect(byStore).toContain('徐汇店')
    expect(byStore).toContain('¥550.00')
    expect(byStore).toContain('静安店')
    expect(wrapper.find('[data-test=flow-totals]').text()).toContain('¥800.00')
    expect(wrapper.find('.chart-data').text()).toMatch(/2026-11-01\s*800\s*200\s*10\s*0/)
  })

  test('a store manager\'s report is of their store, with the period from the URL', async () => {
    const { calls } = await mountPage(WalletReport, { role: 'STORE_MANAGER', path: '/wallet/report?from=2026-11-01&to=2026-11-30&granularity=MONTH', answers: { ConsoleWalletLiabilityReport: walletReport } })
    const last = calls.filter(c => c.operationName === 'ConsoleWalletLiabilityReport').pop()
    expect(last.variables.range).toEqual({ from: '2026-11-01', to: '2026-11-30', granularity: 'MONTH', storeId: '1' })
  })

  test('a failed load says so', async () => {
    const { wrapper } = await mountPage(WalletReport, { role: 'ADMIN', path: '/wallet/report', answers: { ConsoleWalletLiabilityReport: { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } } })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})
