import { describe, test, expect } from 'vitest'
import CouponPacks from '../../src/pages/coupons/CouponPacks.vue'
import { settle } from '../support/mount.js'
import { mountPage, buttons, typeInto } from './coupons-fixtures.js'

const pack = (id, overrides = {}) => ({ id, name: '回流礼包', status: 'ACTIVE', archivedAt: null, items: [{ templateId: '1', quantity: 2 }, { templateId: '2', quantity: 1 }], ...overrides })
const packs = nodes => ({ couponPacks: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(node => ({ node })) } })
const choices = {
  couponTemplates: {
    edges: [
      { node: { id: '1', name: '满100减20', status: 'ACTIVE', kind: 'AMOUNT_OFF', storeIds: ['1'] } },
      { node: { id: '2', name: '满300减80', status: 'ACTIVE', kind: 'AMOUNT_OFF', storeIds: null } },
      { node: { id: '3', name: '国庆券', status: 'ARCHIVED', kind: 'AMOUNT_OFF', storeIds: null } }
    ]
  }
}

describe('coupon packs', () => {
  test('each pack lists its coupons by name and quantity', async () => {
    const { wrapper, calls } = await mountPage(CouponPacks, {
      role: 'MARKETER', path: '/coupon-packs', answers: { ConsoleCouponPacks: packs([pack('5')]), ConsoleCouponTemplateChoices: choices }
    })
    const row = wrapper.find('[data-test=pack-table] .el-table__body tr').text()
    expect(row).toContain('回流礼包')
    expect(row).toContain('满100减20 × 2')
    expect(row).toContain('满300减80 × 1')
    expect(calls.find(c => c.operationName === 'ConsoleCouponPacks').variables.filter).toEqual({ status: 'ACTIVE', search: null })
    expect(buttons(wrapper, '发放')).toHaveLength(0)
  })

  test('filters come from the URL and no match shows the empty state', async () => {
    const { wrapper, calls } = await mountPage(CouponPacks, {
      role: 'MARKETER', path: '/coupon-packs?status=ARCHIVED&search=回流', answers: { ConsoleCouponPacks: packs([]), ConsoleCouponTemplateChoices: choices }
    })
    expect(calls.find(c => c.operationName === 'ConsoleCouponPacks').variables.filter).toEqual({ status: 'ARCHIVED', search: '回流' })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有已下架的券包')
  })

  test('a failed load shows the error', async () => {
    const { wrapper } = await mountPage(CouponPacks, {
      role: 'ADMIN', path: '/coupon-packs',
      answers: { ConsoleCouponPacks: { errors: [{ message: 'no', extensions: { classification: 'FORBIDDEN' } }] }, ConsoleCouponTemplateChoices: choices }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('没有权限')
  })

  test('a marketer makes a pack of coupons on offer, archived ones not offered', async () => {
    const { wrapper, calls } = await mountPage(CouponPacks, {
      role: 'MARKETER', path: '/coupon-packs',
      answers: {
        ConsoleCouponPacks: packs([]), ConsoleCouponTemplateChoices: choices,
        ConsoleCreateCouponPack: v => ({ createCouponPack: { pack: pack('9', { name: v.input.name, items: v.input.items }), userErrors: [] } })
      }
    })
    await wrapper.find('[data-test=create-pack]').trigger('click')
    await settle()
    const form = document.body.querySelector('[data-test=pack-form]')
    await typeInto(form, 'pack-name', '开业礼包')
    form.querySelector('.el-select__wrapper').click()
    await settle()
    const options = [...document.body.querySelectorAll('.el-select-dropdown__item')].map(o => o.textContent.trim())
    expect(options).toEqual(['满100减20', '满300减80'])
    document.body.querySelectorAll('.el-select-dropdown__item')[1].click()
    await settle()
    document.body.querySelector('[data-test=pack-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleCreateCouponPack').variables.input).toEqual({ name: '开业礼包', items: [{ templateId: '2', quantity: 1 }] })
  })

  test('a pack without a coupon is not sent and says why', async () => {
    const { wrapper, calls } = await mountPage(CouponPacks, {
      role: 'ADMIN', path: '/coupon-packs', answers: { ConsoleCouponPacks: packs([]), ConsoleCouponTemplateChoices: choices }
    })
    await wrapper.find('[data-test=create-pack]').trigger('click')
    await settle()
    const form = document.body.querySelector('[data-test=pack-form]')
    await typeInto(form, 'pack-name', '空礼包')
    document.body.querySelector('[data-test=pack-save]').click()
    await settle()
    expect(form.textContent).toContain('请至少选择一张优惠券')
    expect(calls.filter(c => c.operationName === 'ConsoleCreateCouponPack')).toHaveLength(0)
  })

  test('a store manager issues packs but changes only packs made of their own store\'s coupons', async () => {
    const { wrapper } = await mountPage(CouponPacks, {
      role: 'STORE_MANAGER', path: '/coupon-packs',
      answers: { ConsoleCouponPacks: packs([pack('5'), pack('6', { name: '徐汇礼包', items: [{ templateId: '1', quantity: 1 }] })]), ConsoleCouponTemplateChoices: choices }
    })
    expect(buttons(wrapper, '发放')).toHaveLength(2)
    const rows = wrapper.findAll('[data-test=pack-table] .el-table__body tr')
    expect(rows[0].text()).not.toContain('编辑')
    expect(rows[1].text()).toContain('编辑')
  })

  test('issuing a pack sends the member, the pack, the reason and a key', async () => {
    const { wrapper, calls } = await mountPage(CouponPacks, {
      role: 'ADMIN', path: '/coupon-packs',
      answers: {
        ConsoleCouponPacks: packs([pack('5')]), ConsoleCouponTemplateChoices: choices,
        ConsoleMemberLookup: { findMembers: { totalCount: 2, edges: [
          { node: { id: '7', member: { id: '7', nickname: '阿博', phone: null, registrationStoreId: '2' } } },
          { node: { id: '8', member: { id: '8', nickname: '阿博二号', phone: '139****0002', registrationStoreId: '1' } } }] } },
        ConsoleIssueCouponPack: { issueCouponPack: { coupons: [
          { id: '1', validUntil: '2027-01-01T00:00:00Z', template: { id: '1', name: '满100减20' } },
          { id: '2', validUntil: '2027-01-01T00:00:00Z', template: { id: '2', name: '满300减80' } }], userErrors: [] } }
      }
    })
    await buttons(wrapper, '发放')[0].trigger('click')
    await settle()
    const dialog = document.body.querySelector('[data-test=issue-dialog]')
    await typeInto(dialog, 'member-search', '阿博')
    dialog.querySelector('[data-test=member-search-button]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleMemberLookup').variables).toEqual({ search: { nickname: '阿博' } })
    const radios = dialog.querySelectorAll('.el-radio')
    expect(radios).toHaveLength(2)
    radios[1].querySelector('input').click()
    await settle()
    await typeInto(dialog, 'issue-reason', '开业回馈')
    document.body.querySelector('[data-test=issue-submit]').click()
    await settle()
    const input = calls.find(c => c.operationName === 'ConsoleIssueCouponPack').variables.input
    expect(input).toMatchObject({ memberId: '8', packId: '5', reason: '开业回馈' })
    expect(input.idempotencyKey).toMatch(/^console-pack-/)
    expect(document.body.querySelector('[data-test=issue-done]').textContent).toContain('满300减80')
  })
})
