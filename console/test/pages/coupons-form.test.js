import { describe, test, expect } from 'vitest'
import CouponTemplates from '../../src/pages/coupons/CouponTemplates.vue'
import { settle } from '../support/mount.js'
import { mountPage, template, page, typeInto } from './coupons-fixtures.js'

const openForm = async wrapper => {
  await wrapper.find('[data-test=create-template]').trigger('click')
  await settle()
  const forms = document.body.querySelectorAll('[data-test=template-form]')
  return forms[forms.length - 1]
}
const save = async () => {
  const buttons = document.body.querySelectorAll('[data-test=template-save]')
  buttons[buttons.length - 1].click()
  await settle()
}
const created = (input = {}) => ({ createCouponTemplate: { template: { id: '12', name: input.name }, userErrors: [] } })

describe('creating a coupon template', () => {
  test('a marketer creates a 满减 template: amounts typed in yuan are sent in cents, with validity, stock and limit', async () => {
    const { wrapper, calls } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons',
      answers: { ConsoleCouponTemplates: page([template('1')]), ConsoleCreateCouponTemplate: v => created(v.input) }
    })
    const form = await openForm(wrapper)
    await typeInto(form, 'template-name', '满300减60')
    await typeInto(form, 'template-threshold', '300')
    await typeInto(form, 'template-amount-off', '60')
    await typeInto(form, 'template-valid-days', '14')
    await typeInto(form, 'template-stock', '200')
    await typeInto(form, 'template-limit', '2')
    await save()
    const sent = calls.find(c => c.operationName === 'ConsoleCreateCouponTemplate')
    expect(sent.variables.input).toMatchObject({
      name: '满300减60', kind: 'AMOUNT_OFF', thresholdCents: 30000, amountOffCents: 6000, validDays: 14,
      totalStock: 200, perMemberLimit: 2, storeIds: null, categories: null, channel: 'BOTH', claimable: true
    })
    expect(calls.filter(c => c.operationName === 'ConsoleCouponTemplates').length).toBeGreaterThan(1)
  })

  test('a template without a name is not sent', async () => {
    const { wrapper, calls } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons', answers: { ConsoleCouponTemplates: page([]), ConsoleCreateCouponTemplate: created }
    })
    const form = await openForm(wrapper)
    await save()
    expect(calls.filter(c => c.operationName === 'ConsoleCreateCouponTemplate')).toHaveLength(0)
    const marked = [...form.querySelectorAll('.el-form-item.is-error')].map(item => item.querySelector('label').textContent)
    expect(marked).toEqual(['名称', '减免金额（元）'])
  })

  test('a store manager\'s template is limited to their own store', async () => {
    const { wrapper, calls } = await mountPage(CouponTemplates, {
      role: 'STORE_MANAGER', path: '/coupons', answers: { ConsoleCouponTemplates: page([]), ConsoleCreateCouponTemplate: v => created(v.input) }
    })
    const form = await openForm(wrapper)
    await typeInto(form, 'template-name', '徐汇专享')
    await typeInto(form, 'template-amount-off', '10')
    await save()
    expect(calls.find(c => c.operationName === 'ConsoleCreateCouponTemplate').variables.input.storeIds).toEqual(['1'])
  })

  test('a field the API refuses is marked with the API\'s message', async () => {
    const { wrapper } = await mountPage(CouponTemplates, {
      role: 'ADMIN', path: '/coupons',
      answers: {
        ConsoleCouponTemplates: page([]),
        ConsoleCreateCouponTemplate: { createCouponTemplate: { template: null, userErrors: [{ field: ['input', 'amountOffCents'], code: 'INVALID_INPUT', message: '减免金额最多 1000 万元' }] } }
      }
    })
    const form = await openForm(wrapper)
    await typeInto(form, 'template-name', '太大了')
    await typeInto(form, 'template-amount-off', '20000000')
    await save()
    const failed = [...form.querySelectorAll('.el-form-item.is-error')].map(item => item.querySelector('label').textContent)
    expect(failed).toEqual(['减免金额（元）'])
    expect(document.body.textContent).toContain('减免金额最多 1000 万元')
  })

  test('editing sends only what can change and leaves the kind and amounts fixed', async () => {
    const { wrapper, calls } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons',
      answers: {
        ConsoleCouponTemplates: page([template('4', { pointsPrice: 500 })]),
        ConsoleUpdateCouponTemplate: { updateCouponTemplate: { template: template('4'), userErrors: [] } }
      }
    })
    const edit = wrapper.findAll('.el-table__body button').find(b => b.text() === '编辑')
    await edit.trigger('click')
    await settle()
    const forms = document.body.querySelectorAll('[data-test=template-form]')
    const form = forms[forms.length - 1]
    expect(form.textContent).toContain('创建后不能修改')
    expect(form.querySelector('[data-test=template-amount-off] input').disabled).toBe(true)
    await typeInto(form, 'template-stock', '800')
    await save()
    const input = calls.find(c => c.operationName === 'ConsoleUpdateCouponTemplate').variables.input
    expect(input).toEqual({ templateId: '4', name: '满200减50', validDays: 30, perMemberLimit: 1, claimable: true, totalStock: 800, pointsPrice: 500 })
  })
})

describe('early access (优先领) in the coupon form', { timeout: 60000 }, () => {
  const chooseTiers = async (form, names) => {
    form.querySelector('[data-test=template-early-tiers] .el-select__wrapper, [data-test=template-early-tiers]').click()
    await settle()
    for (const name of names) {
      ;[...document.body.querySelectorAll('.el-select-dropdown__item')].filter(o => o.textContent.trim() === name).pop().click()
      await settle()
    }
  }
  const switchOn = async form => {
    form.querySelector('[data-test=template-early]').click()
    await settle()
  }

  test('a marketer chooses the tiers and both times: the tiers are sent lowest first, the times as instants', async () => {
    const { wrapper, calls } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons', answers: { ConsoleCouponTemplates: page([]), ConsoleCreateCouponTemplate: v => created(v.input) }
    })
    const form = await openForm(wrapper)
    await typeInto(form, 'template-name', '新品尝鲜券')
    await typeInto(form, 'template-amount-off', '20')
    await switchOn(form)
    await chooseTiers(form, ['黑钻', '金卡'])
    const offered = [...document.body.querySelectorAll('.el-select-dropdown__item')].map(o => o.textContent.trim())
    expect(offered).toEqual(expect.arrayContaining(['银卡', '金卡', '黑钻']))
    expect(offered).not.toContain('普通')
    await typeInto(form, 'template-early-from', '2026-12-10 10:00:00')
    await typeInto(form, 'template-general-from', '2026-12-12 10:00:00')
    await save()
    const sent = calls.find(c => c.operationName === 'ConsoleCreateCouponTemplate')
    expect(sent.variables.input.earlyAccess).toEqual({
      tierLevels: [2, 3],
      earlyFrom: new Date('2026-12-10 10:00:00').toISOString(),
      generalFrom: new Date('2026-12-12 10:00:00').toISOString()
    })
  })

  test('early access without tiers, or opening to everyone before the early start, is not sent and marks both', async () => {
    const { wrapper, calls } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons', answers: { ConsoleCouponTemplates: page([]), ConsoleCreateCouponTemplate: created }
    })
    const form = await openForm(wrapper)
    await typeInto(form, 'template-name', '新品尝鲜券')
    await typeInto(form, 'template-amount-off', '20')
    await switchOn(form)
    await typeInto(form, 'template-early-from', '2026-12-12 10:00:00')
    await typeInto(form, 'template-general-from', '2026-12-10 10:00:00')
    await save()
    expect(calls.filter(c => c.operationName === 'ConsoleCreateCouponTemplate')).toHaveLength(0)
    const marked = [...form.querySelectorAll('.el-form-item.is-error')].map(item => item.querySelector('label').textContent)
    expect(marked).toEqual(['优先等级', '全员开放'])
  })

  test('the API\'s refusal of a tier is shown next to the tiers', async () => {
    const { wrapper } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons',
      answers: {
        ConsoleCouponTemplates: page([]),
        ConsoleCreateCouponTemplate: { createCouponTemplate: { template: null, userErrors: [{ field: ['input', 'earlyAccess', 'tierLevels'], code: 'INVALID_INPUT', message: '银卡低于这张券的最低等级，不能优先领取' }] } }
      }
    })
    const form = await openForm(wrapper)
    await typeInto(form, 'template-name', '新品尝鲜券')
    await typeInto(form, 'template-amount-off', '20')
    await switchOn(form)
    await chooseTiers(form, ['银卡'])
    await typeInto(form, 'template-early-from', '2026-12-10 10:00:00')
    await typeInto(form, 'template-general-from', '2026-12-12 10:00:00')
    await save()
    const failed = [...form.querySelectorAll('.el-form-item.is-error')].map(item => item.querySelector('label').textContent)
    expect(failed).toEqual(['优先等级'])
    expect(document.body.textContent).toContain('银卡低于这张券的最低等级')
  })

  test('editing shows the early access set, and switching it off sends clearEarlyAccess', async () => {
    const early = { tierLevels: [2, 3], tierNames: ['金卡', '黑钻'], earlyFrom: '2026-12-10T02:00:00Z', generalFrom: '2026-12-12T02:00:00Z' }
    const { wrapper, calls } = await mountPage(CouponTemplates, {
      role: 'MARKETER', path: '/coupons',
      answers: {
        ConsoleCouponTemplates: page([template('4', { earlyAccess: early, claimPhase: 'NOT_OPEN' })]),
        ConsoleUpdateCouponTemplate: { updateCouponTemplate: { template: template('4'), userErrors: [] } }
      }
    })
    const edit = wrapper.findAll('.el-table__body button').find(b => b.text() === '编辑')
    await edit.trigger('click')
    await settle()
    const forms = document.body.querySelectorAll('[data-test=template-form]')
    const form = forms[forms.length - 1]
    expect([...form.querySelectorAll('[data-test=template-early-tiers] .el-select__selected-item, [data-test=template-early-tiers] .el-tag')]
      .map(t => t.textContent.trim()).filter(Boolean)).toEqual(expect.arrayContaining(['金卡', '黑钻']))
    await switchOn(form)
    await save()
    const input = calls.find(c => c.operationName === 'ConsoleUpdateCouponTemplate').variables.input
    expect(input.clearEarlyAccess).toBe(true)
    expect(input.earlyAccess).toBeUndefined()
  })
})
