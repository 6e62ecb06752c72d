import { describe, test, expect, afterEach } from 'vitest'
import LotteryList from '../../src/pages/lotteries/LotteryList.vue'
import LotteryDetail from '../../src/pages/lotteries/LotteryDetail.vue'
import LotteryForm from '../../src/pages/lotteries/LotteryForm.vue'
import { mountPage as mountOnce, settle } from '../support/mount.js'

const mounted = []
const mountPage = async (...args) => { const page = await mountOnce(...args); mounted.push(page.wrapper); return page }
afterEach(() => { for (const wrapper of mounted.splice(0)) if (wrapper.vm) try { wrapper.unmount() } catch (e) { /* unmounted by the test */ } })

const node = (id, overrides = {}) => ({
  id, title: `大转盘${id}`, rulesText: '每次 10 积分', status: 'RUNNING', startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-31T00:00:00Z',
  costPoints: 10, dailyLimit: 3, totalLimit: null, budgetPoints: 10000, budgetCoupons: 50, pointsGiven: 1200, couponsGiven: 4,
  createdAt: '2026-11-30T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z',
  totals: { draws: 321, pointsTaken: 3210, prizesGiven: 45, budgetPointsLeft: 8800, budgetCouponsLeft: 46 }, ...overrides
})
const list = nodes => ({ lotteries: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: nodes.map(n => ({ node: n })) } })
const prize = (id, kind, bp, extra = {}) => ({ id, kind, name: kind === 'NOTHING' ? '谢谢参与' : `奖${id}`, points: kind === 'POINTS' ? 100 : null,
  couponTemplateId: kind === 'COUPON' ? '9' : null, probabilityBp: bp, stock: kind === 'NOTHING' ? null : 10, remaining: kind === 'NOTHING' ? null : 7, ...extra })
const detail = (overrides = {}) => ({
  lottery: {
    ...node('5', { title: '幸运大转盘' }),
    poolVersions: [
      { id: 'p2', version: 2, effectiveFrom: '2026-12-05T00:00:00Z', createdAt: '2026-12-05T00:00:00Z', prizes: [prize('21', 'POINTS', 50), prize('22', 'NOTHING', 9950)] },
      { id: 'p1', version: 1, effectiveFrom: '2026-12-01T00:00:00Z', createdAt: '2026-11-30T00:00:00Z', prizes: [prize('11', 'COUPON', 2000)] }
    ],
    recentDraws: [{ id: 'd1', memberId: '77', poolVersion: 2, randomValue: 4321, prizeKind: 'NOTHING', prizeName: '谢谢参与', fellToNothing: true,
      pointsWon: 0, couponId: null, costPoints: 10, createdAt: '2026-12-06T02:00:00Z' }],
    ...overrides
  }
})
const buttons = wrapper => wrapper.findAll('.toolbar button').map(b => b.text())

describe('lottery list', () => {
  test('a marketer sees each lottery with its draws, points taken, prizes given and budget left, and may create one', async () => {
    const { wrapper } = await mountPage(LotteryList, { role: 'MARKETER', path: '/lotteries', answers: { ConsoleLotteries: list([node('1')]) } })
    const text = wrapper.text()
    expect(text).toContain('大转盘1')
    expect(text).toContain('进行中')
    expect(text).toContain('321')
    expect(text).toContain('3210')
    expect(text).toContain('8800 积分 · 46 张券')
    expect(wrapper.find('a[href="/console/lotteries/1"]').exists()).toBe(true)
    expect(buttons(wrapper)).toContain('新建抽奖')
  })

  test('without lotteries the list says so, and a failed load offers a retry', async () => {
    const empty = await mountPage(LotteryList, { role: 'MARKETER', path: '/lotteries', answers: { ConsoleLotteries: list([]) } })
    expect(empty.wrapper.text()).toContain('还没有抽奖活动，新建一个吧')
    const failed = await mountPage(LotteryList, { role: 'MARKETER', path: '/lotteries', answers: { ConsoleLotteries: () => { throw new Error('down') } } })
    expect(failed.wrapper.text()).toContain('重试')
  })

  test('the status tab comes from the URL', async () => {
    const { calls } = await mountPage(LotteryList, { role: 'ADMIN', path: '/lotteries?status=PAUSED', answers: { ConsoleLotteries: list([]) } })
    expect(calls.find(c => c.operationName === 'ConsoleLotteries').variables.status).toBe('PAUSED')
  })
})

describe('lottery detail', () => {
  test('shows the totals, every pool version with its odds and stock, and the recent draws for audit', async () => {
    const { wrapper } = await mountPage(LotteryDetail, { role: 'MARKETER', path: '/lotteries/5', routePath: '/lotteries/:id', answers: { ConsoleLottery: detail() } })
    const text = wrapper.text()
    expect(text).toContain('幸运大转盘')
    expect(wrapper.findAll('[data-test="pool"]').map(p => p.find('.panel-title').text()))
      .toEqual([expect.stringContaining('奖池第 2 版'), expect.stringContaining('奖池第 1 版')])
    expect(text).toContain('0.50%')
    expect(text).toContain('谢谢参与：99.50%')
    expect(text).toContain('7 / 10')
    expect(text).toContain('4321')
    expect(text).toContain('奖品已抽完或超预算')
    expect(buttons(wrapper)).toEqual(['编辑', '暂停', '结束'])
  })

  test('a draft offers start; a paused one resume; an ended one nothing', async () => {
    const draft = await mountPage(LotteryDetail, { role: 'MARKETER', path: '/lotteries/5', routePath: '/lotteries/:id', answers: { ConsoleLottery: detail({ status: 'DRAFT', recentDraws: [] }) } })
    expect(buttons(draft.wrapper)).toEqual(['编辑', '开始', '结束'])
    expect(draft.wrapper.find('[data-test="no-draws"]').exists()).toBe(true)
    const paused = await mountPage(LotteryDetail, { role: 'MARKETER', path: '/lotteries/5', routePath: '/lotteries/:id', answers: { ConsoleLottery: detail({ status: 'PAUSED' }) } })
    expect(buttons(paused.wrapper)).toEqual(['编辑', '恢复', '结束'])
    const ended = await mountPage(LotteryDetail, { role: 'MARKETER', path: '/lotteries/5', routePath: '/lotteries/:id', answers: { ConsoleLottery: detail({ status: 'ENDED' }) } })
    expect(buttons(ended.wrapper)).toEqual([])
  })

  test('pausing asks first, then the lottery shows as paused with 恢复', async () => {
    let status = 'RUNNING'
    const { wrapper, calls } = await mountPage(LotteryDetail, { role: 'MARKETER', path: '/lotteries/5', routePath: '/lotteries/:id', answers: {
      ConsoleLottery: () => detail({ status }),
      ConsolePauseLottery: () => { status = 'PAUSED'; return { pauseLottery: { lottery: { id: '5', status }, userErrors: [] } } }
    } })
    await wrapper.findAll('button').find(b => b.text() === '暂停').trigger('click')
    await settle()
    expect(document.body.querySelector('.el-message-box').textContent).toContain('确定暂停「幸运大转盘」吗？')
    expect(calls.some(c => c.operationName === 'ConsolePauseLottery')).toBe(false)
    document.body.querySelector('.el-message-box__btns .el-button--primary').click()
    await new Promise(resolve => setTimeout(resolve, 10))
    await settle()
    expect(calls.find(c => c.operationName === 'ConsolePauseLottery').variables).toEqual({ input: { lotteryId: '5' } })
    expect(wrapper.find('[data-test=status]').text()).toBe('已暂停')
    expect(buttons(wrapper)).toEqual(['编辑', '恢复', '结束'])
  })

  test('a goods prize names the mall item it gives and links to it', async () => {
    const { wrapper } = await mountPage(LotteryDetail, { role: 'MARKETER', path: '/lotteries/5', routePath: '/lotteries/:id', answers: {
      ConsoleLottery: detail({ poolVersions: [{ id: 'p1', version: 1, effectiveFrom: '2026-12-01T00:00:00Z', createdAt: '2026-11-30T00:00:00Z',
        prizes: [prize('31', 'GOODS', 100, { name: '品牌保温杯', goodsId: '8' }), prize('32', 'NOTHING', 9900)] }] }) } })
    const link = wrapper.find('a.goods-link')
    expect(link.text()).toBe('积分商城商品 #8（到店自提）')
    expect(link.attributes('href')).toBe('/console/mall/8')
    expect(wrapper.text()).toContain('商品')
  })

  test('a store manager reads the settings, odds and totals, with no action and no draw list', async () => {
    const { wrapper, calls } = await mountPage(LotteryDetail, { role: 'STORE_MANAGER', path: '/lotteries/5', routePath: '/lotteries/:id',
      answers: { ConsoleLottery: detail({ recentDraws: [] }) } })
    expect(calls.map(c => c.operationName)).toEqual(['ConsoleLottery'])
    expect(wrapper.text()).toContain('幸运大转盘')
    expect(wrapper.text()).toContain('0.50%')
    expect(wrapper.find('[data-test="totals"]').text()).toContain('321')
    expect(buttons(wrapper)).toEqual([])
    expect(wrapper.find('[data-test="draws-hidden"]').text()).toContain('仅市场人员和管理员可见')
    expect(wrapper.find('.draws').exists()).toBe(false)
  })

  test('a store manager sees the list without 新建抽奖', async () => {
    const { wrapper } = await mountPage(LotteryList, { role: 'STORE_MANAGER', path: '/lotteries', answers: { ConsoleLotteries: list([node('1', { status: 'ENDED' })]) } })
    expect(wrapper.text()).toContain('大转盘1')
    expect(wrapper.text()).toContain('已结束')
    expect(buttons(wrapper)).not.toContain('新建抽奖')
  })

  test('a lottery that is not there says so', async () => {
    const { wrapper } = await mountPage(LotteryDetail, { role: 'MARKETER', path: '/lotteries/5', routePath: '/lotteries/:id', answers: { ConsoleLottery: { lottery: null } } })
    expect(wrapper.text()).toContain('抽奖活动不存在或无权查看')
  })
})

describe('lottery form', () => {
  const choices = { couponTemplates: { edges: [{ node: { id: '9', name: '满100减20', status: 'ACTIVE', kind: 'AMOUNT_OFF', storeIds: [] } }] } }

  test('a new lottery is sent with its prizes, 谢谢参与 taking what they leave, and opens its page', async () => {
    const { wrapper, calls, router } = await mountPage(LotteryForm, { role: 'MARKETER', path: '/lotteries/new', answers: {
      ConsoleCouponTemplateChoices: choices,
      ConsoleCreateLottery: { createLottery: { lottery: { id: '12', status: 'DRAFT' }, userErrors: [] } }
    } })
    await wrapper.find('.title input').setValue('新年抽奖')
    await wrapper.find('.rules textarea').setValue('每次 10 积分')
    expect(wrapper.find('[data-test="rest"]').text()).toContain('100.00%')
    await wrapper.find('.save').trigger('click')
    await settle()
    const input = calls.find(c => c.operationName === 'ConsoleCreateLottery').variables.input
    expect(input.title).toBe('新年抽奖')
    expect(input.prizes.map(p => p.kind)).toEqual(['POINTS', 'NOTHING'])
    expect(input.prizes[0]).toMatchObject({ points: 10, stock: 100, probabilityBp: 0 })
    expect(router.currentRoute.value.path).toBe('/lotteries/12')
  })

  test('the API refusal is shown in its words above the form', async () => {
    const { wrapper } = await mountPage(LotteryForm, { role: 'MARKETER', path: '/lotteries/new', answers: {
      ConsoleCouponTemplateChoices: choices,
      ConsoleCreateLottery: { createLottery: { lottery: null, userErrors: [{ field: ['input', 'prizes'], code: 'INVALID_INPUT', message: '各奖项的中奖概率之和为 12000（万分之），超过了 10000（100%）' }] } }
    } })
    await wrapper.find('.title input').setValue('抽奖')
    await wrapper.find('.rules textarea').setValue('规则')
    await wrapper.find('.save').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="refusal"]').text()).toContain('超过了 10000')
  })

  const editAnswers = () => ({
    ConsoleCouponTemplateChoices: choices, ConsoleLottery: detail(),
    ConsoleUpdateLottery: { updateLottery: { lottery: { id: '5', status: 'RUNNING' }, userErrors: [] } }
  })

  test('editing the settings alone sends no prizes: the pool keeps its version', async () => {
    const { wrapper, calls } = await mountPage(LotteryForm, { role: 'MARKETER', path: '/lotteries/5/edit', routePath: '/lotteries/:id/edit', answers: editAnswers() })
    expect(wrapper.find('.prizes').exists()).toBe(false)
    await wrapper.find('.save').trigger('click')
    await settle()
    const input = calls.find(c => c.operationName === 'ConsoleUpdateLottery').variables.input
    expect(input.prizes).toBeUndefined()
    expect(input.title).toBe('幸运大转盘')
  })

  test('ticking 修改奖池 sends the prizes as a new pool version', async () => {
    const { wrapper, calls } = await mountPage(LotteryForm, { role: 'MARKETER', path: '/lotteries/5/edit', routePath: '/lotteries/:id/edit', answers: editAnswers() })
    await wrapper.find('.change-pool input').setValue(true)
    expect(wrapper.find('.prizes').exists()).toBe(true)
    await wrapper.find('.save').trigger('click')
    await settle()
    const input = calls.find(c => c.operationName === 'ConsoleUpdateLottery').variables.input
    expect(input.prizes.map(p => p.kind)).toEqual(['POINTS', 'NOTHING'])
    expect(input.lotteryId).toBe('5')
  })

  test('a 商品 prize is picked from the mall goods that may be one and sent with its goods id', async () => {
    const goodsChoices = { managedMallGoods: { edges: [
      { node: { id: '8', name: '品牌保温杯', status: 'ON_SALE', stockScope: 'BRAND', stockLeft: 48 } },
      { node: { id: '9', name: '年节礼盒', status: 'ON_SALE', stockScope: 'STORE', stockLeft: 20 } },
      { node: { id: '10', name: '旧款杯', status: 'ARCHIVED', stockScope: 'BRAND', stockLeft: 0 } },
      { node: { id: '11', name: '新品试吃', status: 'DRAFT', stockScope: 'BRAND', stockLeft: 100 } }] } }
    const { wrapper, calls } = await mountPage(LotteryForm, { role: 'MARKETER', path: '/lotteries/new', answers: {
      ConsoleCouponTemplateChoices: choices, ConsoleMallGoodsChoices: goodsChoices,
      ConsoleCreateLottery: { createLottery: { lottery: { id: '12', status: 'DRAFT' }, userErrors: [] } }
    } })
    await wrapper.find('.title input').setValue('抽保温杯')
    await wrapper.find('.rules textarea').setValue('每次 10 积分')
    const kind = wrapper.findComponent({ name: 'ElSelect' })
    kind.vm.$emit('update:modelValue', 'GOODS')
    kind.vm.$emit('change', 'GOODS')
    await settle()
    const picker = wrapper.findAllComponents({ name: 'ElSelect' }).find(s => s.classes().includes('goods-picker'))
    expect(picker.findAllComponents({ name: 'ElOption' }).map(o => o.props('label')))
      .toEqual(['品牌保温杯（剩 48）', '新品试吃（剩 100 · 未在兑换中）'])
    picker.vm.$emit('update:modelValue', '8')
    await settle()
    expect(wrapper.find('[data-test="goods-note"]').text()).toContain('任一门店领取')
    await wrapper.find('.save').trigger('click')
    await settle()
    const input = calls.find(c => c.operationName === 'ConsoleCreateLottery').variables.input
    expect(input.prizes[0]).toEqual({ kind: 'GOODS', name: null, goodsId: '8', stock: 100, probabilityBp: 0 })
  })

  test('an ended lottery cannot be edited', async () => {
    const { wrapper } = await mountPage(LotteryForm, { role: 'MARKETER', path: '/lotteries/5/edit', routePath: '/lotteries/:id/edit', answers: {
      ConsoleCouponTemplateChoices: choices, ConsoleLottery: detail({ status: 'ENDED' }) } })
    expect(wrapper.find('[data-test="ended"]').exists()).toBe(true)
  })
})
