import { describe, test, expect } from 'vitest'
import Events from '../../src/pages/analytics/Events.vue'
import { settle } from '../support/mount.js'
import { failure, mountAnalytics as mountPage, stat, storePickerFixed, catchDownloads, exportPayload } from './analytics-fixtures.js'

const group = (members, buyers, orders, salesCents) => ({
  members, buyers, orders, salesCents,
  buyerRate: members ? buyers / members : null, salesPerMemberCents: members ? Math.floor(salesCents / members) : null
})
const numbers = (over = {}) => ({
  events: 1, capacity: 12, confirmed: 10, waiting: 3, cancelled: 2, attended: 8, attendanceRate: 0.8, noShows: 2,
  pointsAwarded: 240,
  purchasesAfter: { windowDays: 30, complete: true, attendees: group(8, 6, 9, 456000), nonAttendees: group(7, 2, 2, 30000) },
  ...over
})
const report = (over = {}) => ({
  eventReport: {
    storeId: null, eventCount: 2, purchaseWindowDays: 30,
    total: numbers({ events: 2, capacity: 22, pointsAwarded: 240 }),
    events: [
      { eventId: '9', title: '圣诞烘焙课', storeId: '1', storeName: '徐汇店', startsAt: '2026-12-20T06:00:00Z', endsAt: '2026-12-20T08:00:00Z',
        status: 'PUBLISHED', numbers: numbers({ capacity: 10, confirmed: 4, attended: 0, attendanceRate: null, noShows: 0, pointsAwarded: 0,
          purchasesAfter: { windowDays: 30, complete: true, attendees: group(0, 0, 0, 0), nonAttendees: group(0, 0, 0, 0) } }) },
      { eventId: '4', title: '咖啡品鉴会', storeId: '2', storeName: '静安店', startsAt: '2026-12-05T11:00:00Z', endsAt: '2026-12-05T13:00:00Z',
        status: 'FINISHED', numbers: numbers() }
    ],
    ...over
  }
})

describe('events report', () => {
  test('the totals, the attendance and each event, with the purchases after them compared and labelled', async () => {
    const { wrapper, calls } = await mountPage(Events, { role: 'MARKETER', path: '/analytics/events', answers: { ConsoleEventReport: report() } })

    expect(calls.find(c => c.operationName === 'ConsoleEventReport').variables.first).toBe(200)
    expect(stat(wrapper, '活动场次')).toContain('2')
    expect(stat(wrapper, '名额')).toContain('22')
    expect(stat(wrapper, '名额')).toContain('已报名 10 · 候补 3')
    expect(stat(wrapper, '到场率')).toContain('80.0%')
    expect(stat(wrapper, '到场')).toContain('未到场 2')
    expect(stat(wrapper, '发放积分')).toContain('240')
    // the comparison, both groups side by side, with what it is and is not
    const comparison = wrapper.find('.after')
    expect(comparison.find('h3').text()).toBe('活动结束后 30 天内的消费：到场会员 vs 报名未到场会员')
    const rows = comparison.findAll('.comparison tbody tr').map(r => r.findAll('td').map(td => td.text()))
    expect(rows).toContainEqual(['人均消费', '¥570.00', '¥42.85'])
    expect(rows).toContainEqual(['消费会员占比', '75.0%', '28.6%'])
    expect(wrapper.find('[data-test=caveat]').text()).toContain('不是活动带来的增量')
    expect(wrapper.find('[data-test=incomplete]').exists()).toBe(false)
    // each event, with its store for the whole brand, linking to the event
    const lines = wrapper.findAll('.events tbody tr').map(r => r.text())
    expect(lines[0]).toContain('圣诞烘焙课')
    expect(lines[0]).toContain('报名中')
    expect(lines[1]).toContain('静安店')
    expect(lines[1]).toContain('已结束')
    expect(lines[1]).toContain('80.0%')
    expect(wrapper.find('.events a').attributes('href')).toContain('/events/9')
    expect(wrapper.find('[data-test=more]').exists()).toBe(false)
  })

  test('a store manager reads their store, sees when the window is still open, and exports MEMBER_EVENTS', async () => {
    catchDownloads()
    const exports = []
    const open = report({ storeId: '1', eventCount: 250 })
    open.eventReport.total.purchasesAfter.complete = false
    const { wrapper, calls } = await mountPage(Events, {
      role: 'STORE_MANAGER', path: '/analytics/events',
      answers: { ConsoleEventReport: open, ConsoleExportReport: v => { exports.push(v.input); return exportPayload() } }
    })
    expect(storePickerFixed(wrapper)).toBe(true)
    expect(calls.find(c => c.operationName === 'ConsoleEventReport').variables.range.storeId).toBe('1')
    expect(wrapper.find('[data-test=incomplete]').text()).toContain('数字还会增加')
    expect(wrapper.find('[data-test=more]').text()).toContain('合计含全部 250 场')
    // a store's own report needs no store column
    expect(wrapper.find('.events thead').text()).not.toContain('门店')
    await wrapper.find('[data-export=MEMBER_EVENTS]').trigger('click')
    await settle()
    expect(exports[0]).toMatchObject({ report: 'MEMBER_EVENTS', range: { storeId: '1' } })
  })

  test('a skeleton while the report loads', async () => {
    const { wrapper } = await mountPage(Events, { role: 'MARKETER', path: '/analytics/events', answers: { ConsoleEventReport: () => new Promise(() => {}) } })
    expect(wrapper.find('[data-state=loading]').exists()).toBe(true)
  })

  test('no events is the empty state; a failure says so', async () => {
    const none = report({ eventCount: 0, events: [], total: numbers({ events: 0, capacity: 0, attendanceRate: null }) })
    const empty = await mountPage(Events, { role: 'ADMIN', path: '/analytics/events', answers: { ConsoleEventReport: none } })
    expect(empty.wrapper.find('[data-state=empty]').text()).toContain('这段时间没有开始的会员活动')
    const failed = await mountPage(Events, { role: 'MARKETER', path: '/analytics/events', answers: { ConsoleEventReport: failure } })
    expect(failed.wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
  })
})
