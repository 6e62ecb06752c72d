import { describe, test, expect } from 'vitest'
import MallGoods from '../../src/pages/mall/MallGoods.vue'
import MallGoodsDetail from '../../src/pages/mall/MallGoodsDetail.vue'
import MallRedemptions from '../../src/pages/mall/MallRedemptions.vue'
import { settle } from '../support/mount.js'
import { mountPage, buttons, inBody, typeInto } from './coupons-fixtures.js'
import { answerMessageBox, messageBoxText } from './settings-ui.js'

const goods = (id, overrides = {}) => ({
  id, version: 1, status: 'ON_SALE', name: '品牌保温杯', description: '304 不锈钢', pictureUrl: null, pointsPrice: 1200, cashCents: 0,
  fulfilment: 'PICKUP', stockScope: 'BRAND', stockLeft: 37, storeStocks: [], limitPerMember: 1, limitPeriod: 'LIFETIME',
  minTierLevel: 0, earlyAccessTierLevel: null, earlyAccessFrom: null, openFrom: null, tierOnly: false, earlyAccessNow: false,
  redeemedCount: 13, updatedAt: '2026-12-01T02:00:00Z', ...overrides
})
const list = nodes => ({ managedMallGoods: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: 'c' }, edges: nodes.map(node => ({ node })) } })

const redemption = (id, overrides = {}) => ({
  id, goodsId: '1', name: '品牌保温杯', version: 1, state: 'AWAITING_PICKUP', source: 'REDEEM', quantity: 1, pointsPrice: 1200,
  pointsTotal: 1200, cashCents: 990, cashTotalCents: 990, fulfilment: 'PICKUP',
  pickupStoreId: '1', pickupStoreName: '徐汇店', pickupBy: '2026-12-21T04:00:00Z', pickedUpAt: null, cashCollectedCents: null,
  address: null, trackingNumber: null, shippedAt: null, cancelledAt: null, cancelReason: null, memberId: '42',
  createdAt: '2026-12-07T04:00:00Z', ...overrides
})
const redemptions = nodes => ({ mallRedemptions: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: 'c' }, edges: nodes.map(node => ({ node })) } })

describe('mall goods', () => {
  test('a marketer sees each item with its price, stock, limit, redemptions and status, and the total', async () => {
    const { wrapper } = await mountPage(MallGoods, {
      role: 'MARKETER', path: '/mall',
      answers: { ConsoleMallGoods: list([goods('1'), goods('2', { name: '金卡礼盒', cashCents: 1990, stockScope: 'STORE', stockLeft: 8,
        storeStocks: [{ storeId: '1', storeName: '徐汇店', remaining: 5 }, { storeId: '2', storeName: '静安店', remaining: 3 }],
        limitPerMember: 2, limitPeriod: 'MONTH', status: 'PAUSED', redeemedCount: 4 })]) }
    })
    const rows = wrapper.findAll('[data-test=goods-table] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('品牌保温杯')
    expect(rows[0]).toContain('1200 积分')
    expect(rows[0]).toContain('剩 37')
    expect(rows[0]).toContain('每人 1 件')
    expect(rows[0]).toContain('兑换中')
    expect(rows[1]).toContain('1200 积分 + ¥19.90（到店付）')
    expect(rows[1]).toContain('剩 8（徐汇店 5、静安店 3）')
    expect(rows[1]).toContain('每人每月 2 件')
    expect(rows[1]).toContain('已暂停')
    expect(wrapper.text()).toContain('共 2 条')
    expect(buttons(wrapper, '暂停')).toHaveLength(1)
    expect(buttons(wrapper, '上架')).toHaveLength(1)
  })

  test('the filters come from the URL', async () => {
    const { calls } = await mountPage(MallGoods, { role: 'MARKETER', path: '/mall?status=DRAFT&fulfilment=DELIVERY&search=杯',
      answers: { ConsoleMallGoods: list([]) } })
    expect(calls.find(c => c.operationName === 'ConsoleMallGoods').variables.filter).toEqual({ status: 'DRAFT', fulfilment: 'DELIVERY', search: '杯' })
  })

  test('no goods shows the empty state and a failed load offers 重试', async () => {
    const empty = await mountPage(MallGoods, { role: 'MARKETER', path: '/mall', answers: { ConsoleMallGoods: list([]) } })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的商品')
    let fail = true
    const { wrapper } = await mountPage(MallGoods, { role: 'ADMIN', path: '/mall',
      answers: { ConsoleMallGoods: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : list([goods('1')])) } })
    expect(wrapper.find('[data-state=error]').exists()).toBe(true)
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('品牌保温杯')
  })

  test('a store manager reads the goods but is offered no change', async () => {
    const { wrapper } = await mountPage(MallGoods, { role: 'STORE_MANAGER', path: '/mall', answers: { ConsoleMallGoods: list([goods('1')]) } })
    expect(wrapper.find('[data-test=create-goods]').exists()).toBe(false)
    expect(buttons(wrapper, '编辑')).toHaveLength(0)
    expect(buttons(wrapper, '归档')).toHaveLength(0)
  })

  test('新建商品 sends the goods as a draft with the stock and limit typed', async () => {
    const { wrapper, calls } = await mountPage(MallGoods, {
      role: 'MARKETER', path: '/mall',
      answers: { ConsoleMallGoods: list([]), ConsoleCreateMallGoods: { createMallGoods: { goods: { id: '9', name: '帆布袋' }, userErrors: [] } } }
    })
    await wrapper.find('[data-test=create-goods]').trigger('click')
    await settle()
    const form = inBody('[data-test=goods-form]')
    await typeInto(form, 'goods-name', '帆布袋')
    await typeInto(form, 'goods-points', 800)
    await typeInto(form, 'goods-stock', 50)
    inBody('[data-test=goods-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleCreateMallGoods').variables.input).toEqual({
      name: '帆布袋', pointsPrice: 800, cashCents: 0, limitPeriod: 'LIFETIME', minTierLevel: 0, limitPerMember: 1,
      fulfilment: 'PICKUP', stockScope: 'BRAND', stock: 50
    })
  })

  test('a refused field shows the API\'s words next to it', async () => {
    const { wrapper, calls } = await mountPage(MallGoods, {
      role: 'MARKETER', path: '/mall',
      answers: { ConsoleMallGoods: list([]), ConsoleCreateMallGoods: { createMallGoods: { goods: null,
        userErrors: [{ field: ['input', 'stock'], code: 'INVALID_INPUT', message: '库存需在 0 到 1000000 之间' }] } } }
    })
    await wrapper.find('[data-test=create-goods]').trigger('click')
    await settle()
    const form = inBody('[data-test=goods-form]')
    await typeInto(form, 'goods-name', '帆布袋')
    inBody('[data-test=goods-save]').click()
    await settle()
    await settle()
    expect(calls.some(c => c.operationName === 'ConsoleCreateMallGoods')).toBe(true)
    const failed = [...form.querySelectorAll('.el-form-item.is-error')].map(item => item.querySelector('label').textContent)
    expect(failed).toEqual(['剩余库存'])
    expect(document.body.textContent).toContain('库存需在 0 到 1000000 之间')
  })
})

describe('mall goods detail', () => {
  test('shows the numbers, the version and the terms, and 暂停兑换 pauses it', async () => {
    let status = 'ON_SALE'
    const { wrapper, calls } = await mountPage(MallGoodsDetail, {
      role: 'ADMIN', path: '/mall/1', routePath: '/mall/:id',
      answers: {
        ConsoleMallItem: () => ({ managedMallItem: goods('1', { status, version: 3, earlyAccessTierLevel: 2,
          earlyAccessFrom: '2026-12-10T02:00:00Z', openFrom: '2026-12-12T02:00:00Z' }) }),
        ConsolePauseMallGoods: () => { status = 'PAUSED'; return { pauseMallGoods: { goods: { id: '1', status }, userErrors: [] } } }
      }
    })
    expect(wrapper.find('[data-test=redeemed]').text()).toBe('13')
    expect(wrapper.find('[data-test=stock]').text()).toBe('剩 37')
    expect(wrapper.text()).toContain('第 3 版')
    expect(wrapper.text()).toContain('等级 2 及以上 2026/12/10 10:00 起优先；2026/12/12 10:00 全员开放')
    await wrapper.find('[data-test=pause]').trigger('click')
    await settle()
    expect(calls.find(c => c.operationName === 'ConsolePauseMallGoods').variables).toEqual({ input: { goodsId: '1' } })
    expect(wrapper.text()).toContain('已暂停')
    expect(wrapper.find('[data-test=publish]').exists()).toBe(true)
  })

  test('归档 asks first and then archives', async () => {
    const { wrapper, calls } = await mountPage(MallGoodsDetail, {
      role: 'MARKETER', path: '/mall/1', routePath: '/mall/:id',
      answers: { ConsoleMallItem: { managedMallItem: goods('1') },
        ConsoleArchiveMallGoods: { archiveMallGoods: { goods: { id: '1', status: 'ARCHIVED' }, userErrors: [] } } }
    })
    await wrapper.find('[data-test=archive]').trigger('click')
    await settle()
    expect(messageBoxText()).toContain('已兑换的订单照常提货或发货')
    await answerMessageBox()
    expect(calls.some(c => c.operationName === 'ConsoleArchiveMallGoods')).toBe(true)
  })

  test('unknown goods show the empty state', async () => {
    const { wrapper } = await mountPage(MallGoodsDetail, { role: 'MARKETER', path: '/mall/99', routePath: '/mall/:id',
      answers: { ConsoleMallItem: { managedMallItem: null } } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('找不到这件商品')
  })
})

describe('mall redemptions', () => {
  test('each redemption shows its terms, where it is collected or sent (masked) and its state', async () => {
    const { wrapper, calls } = await mountPage(MallRedemptions, {
      role: 'MARKETER', path: '/mall-redemptions?state=AWAITING_SHIPMENT&storeId=2',
      answers: { ConsoleMallRedemptions: redemptions([redemption('1'), redemption('2', { fulfilment: 'DELIVERY', state: 'AWAITING_SHIPMENT',
        cashCents: 0, cashTotalCents: 0, pickupStoreId: null, pickupStoreName: null, address: '王** 138****5678 上海市徐汇区 ****' })]) }
    })
    expect(calls.find(c => c.operationName === 'ConsoleMallRedemptions').variables.filter).toEqual({ state: 'AWAITING_SHIPMENT', storeId: '2' })
    const rows = wrapper.findAll('[data-test=redemption-table] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('1200 积分 + ¥9.90（到店付）')
    expect(rows[0]).toContain('徐汇店自提')
    expect(rows[0]).toContain('待提货')
    expect(rows[1]).toContain('快递配送 王** 138****5678 上海市徐汇区 ****')
    expect(buttons(wrapper, '发货')).toHaveLength(1)
    expect(buttons(wrapper, '取消')).toHaveLength(2)
  })

  test('several units show their count and total, and a lottery prize reads as such, to be collected at any store', async () => {
    const { wrapper } = await mountPage(MallRedemptions, {
      role: 'MARKETER', path: '/mall-redemptions',
      answers: { ConsoleMallRedemptions: redemptions([
        redemption('3', { quantity: 3, pointsTotal: 3600, cashTotalCents: 2970 }),
        redemption('4', { source: 'LOTTERY', pointsPrice: 0, pointsTotal: 0, cashCents: 0, cashTotalCents: 0, pickupStoreId: null, pickupStoreName: null })]) }
    })
    const rows = wrapper.findAll('[data-test=redemption-table] .el-table__body tr')
    expect(rows[0].find('.quantity').text()).toBe('3')
    expect(rows[0].find('.price').text()).toBe('3 件 · 3600 积分 + ¥29.70（到店付）')
    expect(rows[1].find('.price').text()).toBe('抽奖奖品')
    expect(rows[1].text()).toContain('任一门店自提')
  })

  test('发货 asks for the tracking number and marks it shipped', async () => {
    let state = 'AWAITING_SHIPMENT'
    const { wrapper, calls } = await mountPage(MallRedemptions, {
      role: 'ADMIN', path: '/mall-redemptions',
      answers: {
        ConsoleMallRedemptions: () => redemptions([redemption('2', { fulfilment: 'DELIVERY', state, address: '王** 138****5678 上海市徐汇区 ****',
          trackingNumber: state === 'SHIPPED' ? 'SF123' : null })]),
        ConsoleShipMallRedemption: () => { state = 'SHIPPED'; return { shipMallRedemption: { redemption: { id: '2', state, trackingNumber: 'SF123' }, userErrors: [] } } }
      }
    })
    buttons(wrapper, '发货')[0].element.click()
    await settle()
    expect(messageBoxText()).toContain('寄往 王** 138****5678')
    await answerMessageBox({ input: 'SF123' })
    expect(calls.find(c => c.operationName === 'ConsoleShipMallRedemption').variables).toEqual({ input: { redemptionId: '2', trackingNumber: 'SF123' } })
    expect(wrapper.text()).toContain('已发货')
    expect(wrapper.text()).toContain('SF123')
  })

  test('取消 needs a reason and gives the points back', async () => {
    const { wrapper, calls } = await mountPage(MallRedemptions, {
      role: 'STORE_MANAGER', path: '/mall-redemptions',
      answers: {
        ConsoleMallRedemptions: redemptions([redemption('1')]),
        ConsoleCancelMallRedemption: { cancelMallRedemption: { redemption: { id: '1', state: 'CANCELLED' }, userErrors: [] } }
      }
    })
    expect(buttons(wrapper, '发货')).toHaveLength(0)
    buttons(wrapper, '取消')[0].element.click()
    await settle()
    expect(messageBoxText()).toContain('1200 积分退回会员')
    await answerMessageBox({ input: '顾客不要了' })
    expect(calls.find(c => c.operationName === 'ConsoleCancelMallRedemption').variables).toEqual({ input: { redemptionId: '1', reason: '顾客不要了' } })
  })

  test('no redemption shows the empty state', async () => {
    const { wrapper } = await mountPage(MallRedemptions, { role: 'MARKETER', path: '/mall-redemptions', answers: { ConsoleMallRedemptions: redemptions([]) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('没有符合条件的兑换订单')
  })
})
