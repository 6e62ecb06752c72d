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
