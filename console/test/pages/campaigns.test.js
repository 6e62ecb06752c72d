import { describe, test, expect, afterEach } from 'vitest'
import CampaignList from '../../src/pages/campaigns/CampaignList.vue'
import CampaignDetail from '../../src/pages/campaigns/CampaignDetail.vue'
import { mountPage as mountOnce, settle } from '../support/mount.js'

// Each test's page is taken down after it, so a page left mounted never answers the next test's calls.
const mounted = []
const mountPage = async (...args) => { const page = await mountOnce(...args); mounted.push(page.wrapper); return page }
afterEach(() => { for (const wrapper of mounted.splice(0)) if (wrapper.vm) try { wrapper.unmount() } catch (e) { /* unmounted by the test */ } })


const node = (id, overrides = {}) => ({
  id, name: `活动${id}`, status: 'RUNNING', kind: 'STANDARD', benefit: 'POINTS', audience: 'TOP_SPENDERS', recurrence: 'MONTHLY',
  startsAt: '2026-12-01T00:00:00Z', endsAt: '2027-06-01T00:00:00Z', budget: 100000, controlPercent: 10, ...overrides
})
const list = (nodes, counts = { DRAFT: 1, SCHEDULED: 0, RUNNING: nodes.length, PAUSED: 0, ENDED: 3 }) => ({
  campaigns: {
    totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null },
    statusCounts: Object.entries(counts).map(([status, count]) => ({ status, count })),
    edges: nodes.map(n => ({ node: n }))
  }
})
const STATS = {
  audience: 200, treated: 180, control: 20, reached: 175, couponsIssued: 0, couponsRedeemed: 0, redemptionRate: null,
  treatedOrders: 90, treatedRevenueCents: 1800000, controlOrders: 6, controlRevenueCents: 80000,
  revenuePerTreatedMemberCents: 10000, revenuePerControlMemberCents: 4000, uplift: 1.5, costCents: 35000, roi: 2.1,
  skippedNoConsent: 12, messagesQueued: 175, messagesSent: 170, messagesFailed: 1, messagesPending: 2, messagesSkippedNoConsent: 2
}
const campaign = (overrides = {}) => ({
  campaign: {
    ...node('7', { name: '每月消费前 20% 回馈' }), launchedAt: '2026-12-01T00:00:00Z', endedAt: null, memberDay: null, multiplier: null,
    topPercent: 20, windowDays: 90, message: '感谢您的支持', messageChannel: 'SMS', stats: STATS, ...overrides
  }
})
const buttons = wrapper => wrapper.findAll('.toolbar button').map(b => b.text())
const wait = ms => new Promise(resolve => setTimeout(resolve, ms))

describe('campaign list', () => {
  test('a marketer sees the campaigns with the count in each status, and may create one', async () => {
    const { wrapper } = await mountPage(CampaignList, { role: 'MARKETER', path: '/campaigns', answers: { ConsoleCampaigns: list([node('1'), node('2')]) } })
    const text = wrapper.text()
    expect(text).toContain('活动1')
    expect(text).toContain('进行中 2')
    expect(text).toContain('已结束 3')
    expect(text).toContain('全部 6')
    expect(text).toContain('每月')
    expect(text).toContain('消费排名前列')
    expect(text).toContain('共 2 条')
    expect(wrapper.find('a[href="/console/campaigns/1"]').exists()).toBe(true)
    expect(buttons(wrapper)).toContain('新建活动')
  })

  test('the status tab and the search come from the URL, so a shared link shows the same list', async () => {
    const { calls, wrapper } = await mountPage(CampaignList, { role: 'MARKETER', path: '/campaigns?status=PAUSED&q=回馈', answers: { ConsoleCampaigns: list([]) } })
    expect(calls.find(c => c.operationName === 'ConsoleCampaigns').variables.filter).toEqual({ status: 'PAUSED', search: '回馈' })
    expect(wrapper.find('.el-tabs__item.is-active').text()).toContain('已暂停')
  })

  test('choosing a tab puts the status in the URL', async () => {
    const { wrapper, router, calls } = await mountPage(CampaignList, { role: 'MARKETER', path: '/campaigns', answers: { ConsoleCampaigns: list([node('1')]) } })
    await wrapper.findAll('.el-tabs__item').find(t => t.text().startsWith('草稿')).trigger('click')
    await settle()
    expect(router.currentRoute.value.query).toEqual({ status: 'DRAFT' })
    expect(calls.filter(c => c.operationName === 'ConsoleCampaigns').at(-1).variables.filter.status).toBe('DRAFT')
  })

  test('a store manager reads campaigns but cannot create one', async () => {
    const { wrapper } = await mountPage(CampaignList, { role: 'STORE_MANAGER', path: '/campaigns', answers: { ConsoleCampaigns: list([node('1')]) } })
    expect(wrapper.text()).toContain('活动1')
    expect(buttons(wrapper)).not.toContain('新建活动')
  })

  test('no campaign yet shows the empty state', async () => {
    const { wrapper } = await mountPage(CampaignList, { role: 'MARKETER', path: '/campaigns', answers: { ConsoleCampaigns: list([], {}) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有活动')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(CampaignList, {
      role: 'MARKETER', path: '/campaigns',
      answers: { ConsoleCampaigns: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : list([node('3')])) }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('活动3')
  })
})

describe('campaign detail', () => {
  const open = (role, answers, id = '7') => mountPage(CampaignDetail, { role, path: `/campaigns/${id}`, routePath: '/campaigns/:id', answers })

  test('a running campaign shows treated against control, with the uplift charts and their numbers', async () => {
    const { wrapper } = await open('MARKETER', { ConsoleCampaign: campaign() })
    const stats = wrapper.find('[data-test=stats]').text()
    expect(stats).toContain('实验组180 人')
    expect(stats).toContain('对照组20 人')
    expect(stats).toContain('人均消费提升150.0%')
    expect(stats).toContain('ROI210.0%')
    const tables = wrapper.findAll('.chart-panel table').map(t => t.text())
    expect(tables[0]).toContain('实验组对照组')
    expect(tables[0]).toContain('人均消费（元）10040')
    expect(tables[1]).toContain('人均订单（笔）0.50.3')
    expect(wrapper.text()).toContain('近 90 天前 20%')
    expect(buttons(wrapper)).toEqual(['编辑', '暂停', '结束'])
  })

  test('pausing asks first, then the campaign shows as paused with 恢复', async () => {
    let status = 'RUNNING'
    const { wrapper, calls } = await open('MARKETER', {
      ConsoleCampaign: () => campaign({ status }),
      ConsolePauseCampaign: () => { status = 'PAUSED'; return { pauseCampaign: { campaign: campaign({ status }).campaign, userErrors: [] } } }
    })
    await wrapper.findAll('button').find(b => b.text() === '暂停').trigger('click')
    await settle()
    expect(document.body.querySelector('.el-message-box').textContent).toContain('确定暂停「每月消费前 20% 回馈」吗？')
    expect(calls.some(c => c.operationName === 'ConsolePauseCampaign')).toBe(false)
    document.body.querySelector('.el-message-box__btns .el-button--primary').click()
    await wait(10)
    await settle()
    expect(calls.find(c => c.operationName === 'ConsolePauseCampaign').variables).toEqual({ campaignId: '7' })
    expect(wrapper.find('[data-test=status]').text()).toBe('已暂停')
    expect(buttons(wrapper)).toEqual(['编辑', '恢复', '结束'])
  })

  test('a store manager reads the numbers without any action', async () => {
    const { wrapper } = await open('STORE_MANAGER', { ConsoleCampaign: campaign() })
    expect(wrapper.find('[data-test=stats]').text()).toContain('实验组180 人')
    expect(buttons(wrapper)).toEqual([])
    expect(wrapper.text()).not.toContain('操作日志')
  })

  test('an admin has the campaign\'s audit trail a click away', async () => {
    const { wrapper } = await open('ADMIN', { ConsoleCampaign: campaign() })
    const link = wrapper.findAll('a').find(a => a.text() === '操作日志')
    expect(link.attributes('href')).toBe('/console/audit?subject=CAMPAIGN&subjectId=7')
  })

  test('a draft has no numbers yet and may be launched; an ended campaign has no action', async () => {
    const draft = await open('MARKETER', { ConsoleCampaign: campaign({ status: 'DRAFT', launchedAt: null }) })
    expect(draft.wrapper.find('[data-test=no-stats]').text()).toContain('发布后显示效果数据')
    expect(buttons(draft.wrapper)).toEqual(['编辑', '发布', '结束'])
    draft.wrapper.unmount()
    const ended = await open('MARKETER', { ConsoleCampaign: campaign({ status: 'ENDED' }) })
    expect(buttons(ended.wrapper)).toEqual([])
    expect(ended.wrapper.find('[data-test=stats]').exists()).toBe(true)
  })

  test('a campaign that does not exist says so', async () => {
    const { wrapper } = await open('MARKETER', { ConsoleCampaign: { campaign: null } }, '99')
    expect(wrapper.find('[data-state=empty]').text()).toContain('活动不存在')
  })
})
