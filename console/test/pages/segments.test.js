import { describe, test, expect } from 'vitest'
import SegmentOverview from '../../src/pages/segments/SegmentOverview.vue'
import { mountPage, settle } from '../support/mount.js'


const overview = {
  memberSegments: {
    rfmSegments: [
      { segment: 'IMPORTANT_VALUE', name: '重要价值客户', members: 30 },
      { segment: 'IMPORTANT_RETAIN', name: '重要挽留客户', members: 10 },
      { segment: 'GENERAL_DEVELOP', name: '一般发展客户', members: 60 }
    ],
    quadrants: [
      { quadrant: 'HIGH_FREQUENCY_HIGH_VALUE', name: '高频高客单', play: '储值赠礼', members: 25 },
      { quadrant: 'LOW_FREQUENCY_LOW_VALUE', name: '低频低客单', play: '满减券拉动', members: 75 }
    ],
    stages: [
      { stage: 'NEW', members: 40 }, { stage: 'ACTIVE', members: 100 }, { stage: 'DECLINING', members: 20 },
      { stage: 'DORMANT', members: 30 }, { stage: 'CHURNED', members: 10 }
    ]
  }
}

describe('segments overview', () => {
  test('the RFM grid shows each cell\'s members and share, and links to the members in it', async () => {
    const { wrapper } = await mountPage(SegmentOverview, { role: 'MARKETER', path: '/segments', answers: { ConsoleSegmentOverview: overview } })
    expect(wrapper.find('[data-test=scored]').text()).toBe('100')
    const cell = wrapper.find('[data-segment=IMPORTANT_VALUE]')
    expect(cell.text()).toContain('重要价值客户')
    expect(cell.text()).toContain('30 人')
    expect(cell.text()).toContain('30.0%')
    expect(cell.attributes('href')).toContain('/members?rfmSegments=IMPORTANT_VALUE')
    expect(wrapper.find('[data-segment=GENERAL_KEEP]').text()).toContain('0 人')
  })

  test('quadrants show their suggested play and link to their members', async () => {
    const { wrapper } = await mountPage(SegmentOverview, { role: 'ADMIN', path: '/segments', answers: { ConsoleSegmentOverview: overview } })
    const quadrants = wrapper.find('[data-test=quadrants]')
    expect(quadrants.text()).toContain('高频高客单25 人建议：储值赠礼')
    expect(quadrants.findAll('a').map(a => a.attributes('href'))).toContain('/console/members?quadrants=LOW_FREQUENCY_LOW_VALUE')
  })

  test('the lifecycle funnel has its numbers as a table, and each stage opens its members', async () => {
    const { wrapper, router } = await mountPage(SegmentOverview, { role: 'MARKETER', path: '/segments', answers: { ConsoleSegmentOverview: overview } })
    const rows = wrapper.findAll('.chart-data tbody tr').map(r => r.findAll('td').map(td => td.text()))
    expect(rows).toEqual([['新客', '40', '20.0%'], ['活跃', '100', '50.0%'], ['下滑', '20', '10.0%'], ['沉睡', '30', '15.0%'], ['流失', '10', '5.0%']])
    await wrapper.findAll('.stage-links a').find(a => a.text().includes('沉睡')).trigger('click')
    await settle()
    expect(router.currentRoute.value.fullPath).toBe('/members?stages=DORMANT')
  })

  test('a store manager is told the spread is the brand\'s while the list is their store\'s', async () => {
    const { wrapper } = await mountPage(SegmentOverview, { role: 'STORE_MANAGER', path: '/segments', answers: { ConsoleSegmentOverview: overview } })
    expect(wrapper.text()).toContain('这里是全品牌的会员分布')
  })

  test('before the first nightly scoring the page says what to wait for', async () => {
    const { wrapper } = await mountPage(SegmentOverview, {
      role: 'MARKETER', path: '/segments', answers: { ConsoleSegmentOverview: { memberSegments: { rfmSegments: [], quadrants: [], stages: [] } } }
    })
    expect(wrapper.find('[data-state=empty]').text()).toContain('每晚的分群任务运行后')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(SegmentOverview, {
      role: 'MARKETER', path: '/segments',
      answers: { ConsoleSegmentOverview: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : overview) }
    })
    expect(wrapper.find('[data-state=error]').exists()).toBe(true)
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.find('[data-test=scored]').text()).toBe('100')
  })
})
