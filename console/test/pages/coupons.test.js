import { describe, test, expect } from 'vitest'
import CouponTemplates from '../../src/pages/coupons/CouponTemplates.vue'
import CouponTemplateDetail from '../../src/pages/coupons/CouponTemplateDetail.vue'
import { settle } from '../support/mount.js'
import { mountPage, template, page, buttons, inBody, typeInto } from './coupons-fixtures.js'
import { shortTime } from '../../src/pages/coupons/couponText.js'

describe('coupon templates', () => {
  test('a marketer sees each template with what it gives, its validity, stock and numbers', async () => {
    const { wrapper } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons',
      answers: { ConsoleCouponTemplates: page([template('1'), template('2', { name: '全场85折', kind: 'PERCENT_OFF', percentOff: 15, maxDiscountCents: 3000, thresholdCents: 0, totalStock: null, storeIds: ['2'], usage: { issued: 3, redeemed: 1, remainingStock: null } })]) }
    })
    const rows = wrapper.findAll('[data-test=template-table] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('满200减50')
    expect(rows[0]).toContain('满200.00减50.00')
    expect(rows[0]).toContain('领取后 30 天内有效')
    expect(rows[0]).toContain('剩 480 / 共 500')
    expect(rows[0]).toContain('全部门店')
    expect(rows[1]).toContain('无门槛 8.5折（最多减¥30.00）')
    expect(rows[1]).toContain('不限量')
    expect(rows[1]).toContain('静安店')
    expect(wrapper.text()).toContain('共 2 条')
  })

  test('the list shows templates on offer by default and reads the other filters from the URL', async () => {
    const first = await mountPage(CouponTemplates, { role: 'MARKETER', path: '/coupons', answers: { ConsoleCouponTemplates: page([]) } })
    expect(first.calls.find(c => c.operationName === 'ConsoleCouponTemplates').variables.filter).toMatchObject({ status: 'ACTIVE', kind: null, search: null })
    const { calls } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons?status=ARCHIVED&kind=PERCENT_OFF&search=秋季&claimable=false&storeId=2',
      answers: { ConsoleCouponTemplates: page([]) }
    })
    expect(calls.find(c => c.operationName === 'ConsoleCouponTemplates').variables.filter)
      .toEqual({ status: 'ARCHIVED', kind: 'PERCENT_OFF', search: '秋季', claimable: false, storeId: '2' })
  })

  test('no archived template shows the empty state', async () => {
    const { wrapper } = await mountPage(CouponTemplates, { role: 'MARKETER', path: '/coupons?status=ARCHIVED', answers: { ConsoleCouponTemplates: page([]) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有已下架的优惠券')
  })

  test('a failed load says so and 重试 loads again', async () => {
    let fail = true
    const { wrapper } = await mountPage(CouponTemplates, {
      role: 'ADMIN', path: '/coupons',
      answers: { ConsoleCouponTemplates: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : page([template('1')])) }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('满200减50')
  })

  test('a marketer may not issue coupons, so 发放 is not offered; they may edit and archive', async () => {
    const { wrapper } = await mountPage(CouponTemplates, { role: 'MARKETER', path: '/coupons', answers: { ConsoleCouponTemplates: page([template('1')]) } })
    expect(buttons(wrapper, '发放')).toHaveLength(0)
    expect(buttons(wrapper, '编辑')).toHaveLength(1)
    expect(buttons(wrapper, '下架')).toHaveLength(1)
  })

  test('a store manager issues any template their store honours but edits only their own store\'s', async () => {
    const { wrapper } = await mountPage(CouponTemplates, {
      role: 'STORE_MANAGER', path: '/coupons',
      answers: { ConsoleCouponTemplates: page([template('1'), template('2', { name: '徐汇专享', storeIds: ['1'] })]) }
    })
    expect(buttons(wrapper, '发放')).toHaveLength(2)
    expect(buttons(wrapper, '编辑')).toHaveLength(1)
    const rows = wrapper.findAll('[data-test=template-table] .el-table__body tr')
    expect(rows[1].text()).toContain('编辑')
    expect(rows[0].text()).not.toContain('编辑')
  })

  test('an archived template is offered 恢复, which unarchives it and reloads', async () => {
    let archived = true
    const { wrapper, calls } = await mountPage(CouponTemplates, {
      role: 'ADMIN', path: '/coupons?status=ALL',
      answers: {
        ConsoleCouponTemplates: () => page([template('3', { status: archived ? 'ARCHIVED' : 'ACTIVE' })]),
        ConsoleUnarchiveCouponTemplate: () => { archived = false; return { unarchiveCouponTemplate: { template: { id: '3', status: 'ACTIVE', archivedAt: null }, userErrors: [] } } }
      }
    })
    expect(wrapper.text()).toContain('已下架')
    await buttons(wrapper, '恢复')[0].trigger('click')
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleUnarchiveCouponTemplate').variables).toEqual({ input: { templateId: '3' } })
    expect(wrapper.find('[data-test=template-table]').text()).toContain('可发放')
  })
})

describe('early access in the list and the detail', () => {
  const year = new Date().getFullYear()
  const early = { tierLevels: [2, 3], tierNames: ['金卡', '黑钻'], earlyFrom: `${year}-12-08T02:00:00Z`, generalFrom: `${year}-12-10T02:00:00Z` }

  test('each template says where its early access stands: before the early start, early tiers only, everyone', async () => {
    const { wrapper } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons',
      answers: {
        ConsoleCouponTemplates: page([
          template('1', { name: '先领券', earlyAccess: early, claimPhase: 'NOT_OPEN' }),
          template('2', { name: '优先券', earlyAccess: early, claimPhase: 'EARLY' }),
          template('3', { name: '已开放券', earlyAccess: early, claimPhase: 'OPEN' }),
          template('4', { name: '普通券' })
        ])
      }
    })
    const rows = wrapper.findAll('[data-test=template-table] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('金卡、黑钻 12月8日 10:00 起优先 · 12月10日 10:00 全员开放')
    expect(rows[1]).toContain('金卡、黑钻优先 · 12月10日 10:00 全员开放')
    expect(rows[2]).toContain('12月10日 10:00 起全员开放')
    expect(rows[3]).not.toContain('优先')
    expect(wrapper.findAll('[data-test=early-access]')).toHaveLength(3)
  })

  test('the detail shows the early access, or that everyone may claim it', async () => {
    const { wrapper } = await mountPage(CouponTemplateDetail, {
      role: 'MARKETER', path: '/coupons/7', routePath: '/coupons/:id',
      answers: { ConsoleCouponTemplate: { couponTemplate: template('7', { earlyAccess: early, claimPhase: 'EARLY' }) } }
    })
    expect(wrapper.find('[data-test=early-access]').text()).toBe('金卡、黑钻优先 · 12月10日 10:00 全员开放')
    const plain = await mountPage(CouponTemplateDetail, {
      role: 'MARKETER', path: '/coupons/8', routePath: '/coupons/:id',
      answers: { ConsoleCouponTemplate: { couponTemplate: template('8') } }
    })
    expect(plain.wrapper.find('[data-test=early-access]').text()).toBe('无，进入领券中心即全员可领')
  })

  test('a time in another year names the year', () => {
    expect(shortTime(`${year + 1}-01-02T01:30:00Z`)).toBe(`${year + 1}年1月2日 09:30`)
  })
})

describe('coupon template detail', () => {
  test('shows the numbers and every setting of the template', async () => {
    const { wrapper, calls } = await mountPage(CouponTemplateDetail, {
      role: 'MARKETER', path: '/coupons/7', routePath: '/coupons/:id',
      answers: { ConsoleCouponTemplate: { couponTemplate: template('7', { pointsPrice: 300 }) } }
    })
    expect(calls.find(c => c.operationName === 'ConsoleCouponTemplate').variables).toEqual({ id: '7' })
    const usage = wrapper.find('[data-test=usage]').text()
    expect(usage).toContain('已发放20')
    expect(usage).toContain('已核销5')
    expect(usage).toContain('核销率25.0%')
    const text = wrapper.text()
    expect(text).toContain('茶饮')
    expect(text).toContain('仅门店')
    expect(text).toContain('300 积分')
    expect(buttons(wrapper, '发放给会员')).toHaveLength(0)
  })

  test('a template the staff member may not see shows that it was not found', async () => {
    const { wrapper } = await mountPage(CouponTemplateDetail, {
      role: 'STORE_MANAGER', path: '/coupons/99', routePath: '/coupons/:id', answers: { ConsoleCouponTemplate: { couponTemplate: null } }
    })
    expect(wrapper.find('[data-state=empty]').text()).toContain('找不到这张优惠券')
  })

  test('a store manager issues the coupon to a member found by phone, with a reason and one idempotency key per issuing', async () => {
    let attempts = 0
    const { wrapper, calls } = await mountPage(CouponTemplateDetail, {
      role: 'STORE_MANAGER', path: '/coupons/7', routePath: '/coupons/:id',
      answers: {
        ConsoleCouponTemplate: { couponTemplate: template('7') },
        ConsoleMemberLookup: { findMembers: { totalCount: 1, edges: [{ node: { id: '5', member: { id: '5', nickname: '小爱', phone: '138****0001', registrationStoreId: '1' } } }] } },
        ConsoleIssueCoupon: () => {
          attempts++
          if (attempts === 1) return { issueCoupon: { coupon: null, userErrors: [{ field: [], code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' }] } }
          return { issueCoupon: { coupon: { id: '90', status: 'USABLE', validFrom: '2026-12-07T00:00:00Z', validUntil: '2027-01-06T00:00:00Z', template: { id: '7', name: '满200减50' } }, userErrors: [] } }
        }
      }
    })
    await buttons(wrapper, '发放给会员')[0].trigger('click')
    await settle()
    const dialog = inBody('[data-test=issue-dialog]')
    expect(dialog.textContent).toContain('满200减50')
    await typeInto(dialog, 'member-search', '138 0013 0001')
    dialog.querySelector('[data-test=member-search-button]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleMemberLookup').variables).toEqual({ search: { phone: '13800130001' } })
    expect(dialog.querySelector('[data-test=member-chosen]').textContent).toContain('小爱')
    const submit = document.body.querySelector('[data-test=issue-submit]')
    submit.click()
    await settle()
    expect(dialog.textContent).toContain('请填写发放原因')
    expect(calls.filter(c => c.operationName === 'ConsoleIssueCoupon')).toHaveLength(0)
    await typeInto(dialog, 'issue-reason', '投诉补偿')
    submit.click()
    await settle()
    expect(dialog.querySelector('[data-test=issue-error]').textContent).toContain('操作太频繁')
    document.body.querySelector('[data-test=issue-submit]').click()
    await settle()
    const issued = calls.filter(c => c.operationName === 'ConsoleIssueCoupon').map(c => c.variables.input)
    expect(issued).toHaveLength(2)
    expect(issued[0]).toMatchObject({ memberId: '5', templateId: '7', reason: '投诉补偿' })
    expect(issued[0].idempotencyKey).toMatch(/^console-coupon-/)
    expect(issued[1].idempotencyKey).toBe(issued[0].idempotencyKey)
    expect(inBody('[data-test=issue-done]').textContent).toContain('已发放给 小爱')
  })
})
