import { describe, test, expect } from 'vitest'
import Members from '../../src/pages/analytics/Members.vue'
import { settle } from '../support/mount.js'
import { failure, badRequest, mountAnalytics as mountPage, chartRows, stat, storePickerFixed, catchDownloads, exportPayload } from './analytics-fixtures.js'


const growth = (members = 120) => ({
  memberGrowth: {
    storeId: null, growthRate: 0.5,
    total: { start: '2026-11-01', end: '2026-11-30', newMembers: 30, newMembersWithPhone: 15, newMemberPhoneShare: 0.5, members, membersWithPhone: 60, phoneShare: 0.5 },
    previous: { start: '2026-10-02', end: '2026-10-31', newMembers: 20 },
    series: [
      { start: '2026-11-01', end: '2026-11-15', newMembers: 10, newMembersWithPhone: 5, members: 100, membersWithPhone: 50, phoneShare: 0.5 },
      { start: '2026-11-16', end: '2026-11-30', newMembers: 20, newMembersWithPhone: 10, members, membersWithPhone: 60, phoneShare: 0.5 }
    ],
    byChannel: [{ channel: 'MINI_PROGRAM', newMembers: 18, newMembersWithPhone: 9 }, { channel: 'STORE', newMembers: 12, newMembersWithPhone: 6 }, { channel: 'IMPORT', newMembers: 0, newMembersWithPhone: 0 }],
    byStore: [{ storeId: '1', storeName: '徐汇店', newMembers: 12, newMembersWithPhone: 6 }, { storeId: null, storeName: null, newMembers: 18, newMembersWithPhone: 9 }]
  }
})
const activity = () => ({
  memberActivity: {
    storeId: null,
    total: { activeMembers: 45, members: 120, checkIns: 300, checkInMembers: 30, checkInRate: 0.25, pointsSpenders: 12, pointsSpent: 5600 },
    series: [{ start: '2026-11-01', end: '2026-11-30', activeMembers: 45, members: 120, checkIns: 300, checkInMembers: 30, checkInRate: 0.25, pointsSpenders: 12, pointsSpent: 5600 }]
  }
})
const metric = (members, base, previousMembers, previousBase) => ({
  members, base, rate: base ? members / base : null, previousMembers, previousBase,
  previousRate: previousBase ? previousMembers / previousBase : null,
  change: base && previousBase ? members / base - previousMembers / previousBase : null
})
const health = () => ({
  memberHealth: {
    month: '2026-11', previousMonth: '2026-10', storeId: null,
    newMemberConversion: metric(6, 20, 4, 20), highValueRetention: metric(8, 10, 9, 10),
    pointsRedemption: metric(5, 50, 5, 50), campaignParticipation: metric(0, 0, 0, 0)
  }
})
const churn = () => ({
  churnReport: {
    storeId: null, churnedDays: 90, stagesAsOf: '2026-12-06', unscored: 3,
    funnel: [
      { stage: 'NEW', members: 10, share: 0.1 }, { stage: 'ACTIVE', members: 50, share: 0.5 }, { stage: 'DECLINING', members: 15, share: 0.15 },
      { stage: 'DORMANT', members: 15, share: 0.15 }, { stage: 'CHURNED', members: 10, share: 0.1 }
    ],
    total: { start: '2026-09-01', end: '2026-11-30', customers: 80, churned: 20, retained: 60, rate: 0.25 },
    series: [{ start: '2026-09-01', end: '2026-09-30', customers: 70, churned: 7, retained: 63, rate: 0.1 }]
  }
})
const answers = { ConsoleMemberGrowth: growth(), ConsoleMemberActivity: activity(), ConsoleMemberHealth: health(), ConsoleChurnReport: churn() }

describe('member analytics', () => {
  test('growth: new members against the range before, per channel and store', async () => {
    const { wrapper, calls } = await mountPage(Members, { role: 'MARKETER', path: '/analytics/members', answers })
    expect(stat(wrapper, '新会员')).toContain('30')
    expect(stat(wrapper, '新会员')).toContain('较之前同期 +50.0%')
    expect(stat(wrapper, '会员总数')).toContain('120')
    expect(chartRows(wrapper, '新会员注册渠道')).toEqual([['小程序', '18', '9'], ['门店', '12', '6'], ['导入', '0', '0']])
    expect(wrapper.find('.by-store').text()).toContain('未经门店（小程序直接注册）')
    expect(calls.map(c => c.operationName)).not.toContain('ConsoleChurnReport')
  })

  test('the tab is in the URL: activity shows active members and check-ins', async () => {
    const { wrapper } = await mountPage(Members, { role: 'MARKETER', path: '/analytics/members?tab=activity', answers })
    expect(stat(wrapper, '活跃会员')).toContain('45')
    expect(stat(wrapper, '签到参与率')).toContain('25.0%')
    expect(stat(wrapper, '签到参与率')).toContain('30 人签到 300 次')
    expect(stat(wrapper, '消耗积分')).toContain('5,600')
  })

  test('choosing a tab puts it in the URL', async () => {
    const { wrapper, router } = await mountPage(Members, { role: 'MARKETER', path: '/analytics/members', answers })
    await wrapper.findAll('.el-tabs__item').find(t => t.text() === '流失与生命周期').trigger('click')
    await settle()
    expect(router.currentRoute.value.query.tab).toBe('churn')
    expect(stat(wrapper, '流失率')).toContain('25.0%')
  })

  test('health: each rate of the month beside the month before, the month in the URL', async () => {
    const { wrapper, calls } = await mountPage(Members, { role: 'ADMIN', path: '/analytics/members?tab=health&month=2026-11&store=2', answers })
    expect(calls.find(c => c.operationName === 'ConsoleMemberHealth').variables).toEqual({ month: '2026-11', storeId: '2' })
    const rows = wrapper.findAll('.health-table tbody tr').map(r => r.text())
    expect(rows[0]).toContain('新会员转化')
    expect(rows[0]).toContain('30.0%（6/20）')
    expect(rows[0]).toContain('20.0%（4/20）')
    expect(rows[0]).toContain('+10.0 个百分点')
    expect(rows[1]).toContain('-10.0 个百分点')
    expect(rows[3]).toContain('—')
  })

  test('health exports every month the chosen month covers', async () => {
    catchDownloads()
    const exports = []
    const { wrapper } = await mountPage(Members, {
      role: 'MARKETER', path: '/analytics/members?tab=health&month=2026-02',
      answers: { ...answers, ConsoleExportReport: v => { exports.push(v.input); return exportPayload() } }
    })
    await wrapper.find('[data-export=MEMBER_HEALTH]').trigger('click')
    await settle()
    expect(exports[0].range).toEqual({ from: '2026-02-01', to: '2026-02-28', granularity: 'MONTH', storeId: null })
  })

  test('churn: the lifecycle funnel now and churn per period', async () => {
    const { wrapper } = await mountPage(Members, { role: 'MARKETER', path: '/analytics/members?tab=churn&by=MONTH', answers })
    expect(chartRows(wrapper, '生命周期漏斗')).toEqual([
      ['新会员', '10', '10.0%'], ['活跃', '50', '50.0%'], ['衰退', '15', '15.0%'], ['沉睡', '15', '15.0%'], ['流失', '10', '10.0%']
    ])
    expect(chartRows(wrapper, '流失率（%）')).toEqual([['09-01~09-30', '10']])
    expect(wrapper.text()).toContain('另有 3 位会员尚未评分')
    expect(stat(wrapper, '流失率')).toContain('90 天未消费视为流失')
  })

  test('a store manager reads their own store on every tab', async () => {
    const { wrapper, calls } = await mountPage(Members, { role: 'STORE_MANAGER', path: '/analytics/members?tab=health', answers })
    expect(storePickerFixed(wrapper)).toBe(true)
    expect(calls.find(c => c.operationName === 'ConsoleMemberHealth').variables.storeId).toBe('1')
  })

  test('no members yet, a bad month and a failed load each say so', async () => {
    const empty = await mountPage(Members, { role: 'MARKETER', path: '/analytics/members', answers: { ConsoleMemberGrowth: { memberGrowth: { ...growth(0).memberGrowth, total: { ...growth().memberGrowth.total, members: 0 } } } } })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('还没有会员')
    const bad = await mountPage(Members, { role: 'MARKETER', path: '/analytics/members?tab=health&month=2026-13', answers: { ConsoleMemberHealth: badRequest('月份应为 YYYY-MM') } })
    expect(bad.wrapper.find('[data-state=error]').text()).toContain('月份应为 YYYY-MM')
    const failed = await mountPage(Members, { role: 'MARKETER', path: '/analytics/members?tab=churn', answers: { ConsoleChurnReport: failure } })
    expect(failed.wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})
