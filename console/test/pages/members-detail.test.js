import { describe, test, expect } from 'vitest'
import MemberDetail from '../../src/pages/members/MemberDetail.vue'
import { mountPage, settle } from '../support/mount.js'
import { profile, connection, ledgerEntry, tagOptions } from './members-fixtures.js'

const at = (path, role = 'STORE_MANAGER', answers = {}) => mountPage(MemberDetail, {
  role, path, routePath: '/members/:id',
  answers: { ConsoleMemberProfile: profile(), ConsoleMemberTagOptions: tagOptions, ConsoleMemberMessages: { notifications: connection([]) }, ...answers }
})
const calls = (all, name) => all.filter(c => c.operationName === name)
const body = () => document.body.textContent

describe('member 360° page', () => {
  test('shows the card, tier progress and the points ledger, reading the profile once', async () => {
    const { wrapper, calls: all } = await at('/members/7')
    expect(calls(all, 'ConsoleMemberProfile')).toEqual([{ operationName: 'ConsoleMemberProfile', variables: { id: '7' } }])
    const text = wrapper.text()
    expect(wrapper.find('[data-test=member-name]').text()).toContain('小爱')
    expect(wrapper.find('[data-test=member-phone]').text()).toBe('138****0001')
    expect(wrapper.find('[data-test=points-balance]').text()).toBe('2280')
    expect(text).toContain('80 积分将在 30 天内到期')
    expect(text).toContain('徐汇店')
    const tier = wrapper.find('[data-test=tier-progress]').text()
    expect(tier).toContain('当前 银卡')
    expect(tier).toContain('下一级 金卡')
    expect(tier).toContain('75%')
    expect(tier).toContain('本月还需消费 ¥600.00 升至金卡')
    expect(tier).toContain('保级要求月均 ¥300.00')
    expect(tier).toContain('下次评定 2027/01/01')
    const ledger = wrapper.find('[data-test=points-ledger]').text()
    expect(ledger).toContain('消费积分')
    expect(ledger).toContain('+420')
    expect(ledger).toContain('人工调整')
    expect(ledger).toContain('-100')
    expect(text).toContain('共 25 条')
  })

  test('a later ledger page comes from the cursor in the URL', async () => {
    const { wrapper, calls: all } = await at('/members/7?after=c1', 'STORE_MANAGER', {
      ConsoleMemberPointsPage: { member: { id: '7', member: { id: '7', pointsHistory: connection([ledgerEntry('12', { kind: 'CHECK_IN', delta: 5, reason: '签到', orderNo: null })]) } } }
    })
    expect(calls(all, 'ConsoleMemberPointsPage')[0].variables).toEqual({ id: '7', after: 'c1' })
    expect(wrapper.find('[data-test=points-ledger]').text()).toContain('签到')
    expect(wrapper.text()).toContain('回到第一页')
  })

  test('a member the caller may not see (another store\'s) shows the empty state', async () => {
    const { wrapper } = await at('/members/99', 'CLERK', { ConsoleMemberProfile: { member: null } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('不是本店的会员')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await at('/members/7', 'ADMIN', {
      ConsoleMemberProfile: () => (fail ? { errors: [{ message: '查询太频繁', extensions: { code: 'RATE_LIMITED' } }] } : profile())
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('查询太频繁')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.find('[data-test=member-name]').text()).toContain('小爱')
  })

  test('a store manager sees the full number after giving a reason', async () => {
    const { wrapper, calls: all } = await at('/members/7', 'STORE_MANAGER', {
      ConsoleRevealMemberPhone: { revealMemberPhone: { phone: '13800000001', userErrors: [] } }
    })
    await wrapper.find('[data-test=reveal-phone]').trigger('click')
    await settle()
    document.querySelector('input[aria-label=查看原因]').value = '回访会员'
    document.querySelector('input[aria-label=查看原因]').dispatchEvent(new Event('input'))
    await settle()
    document.querySelector('[data-test=reveal-submit]').click()
    await settle()
    expect(calls(all, 'ConsoleRevealMemberPhone')[0].variables).toEqual({ input: { memberId: '7', reason: '回访会员' } })
    expect(wrapper.find('[data-test=member-phone]').text()).toBe('13800000001')
    expect(wrapper.find('[data-test=reveal-phone]').exists()).toBe(false)
  })

  test('a clerk sees neither the full number, nor points adjustment, nor the messages tab', async () => {
    const { wrapper, calls: all } = await at('/members/7', 'CLERK')
    expect(wrapper.find('[data-test=reveal-phone]').exists()).toBe(false)
    expect(wrapper.find('[data-test=adjust-points]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('消息记录')
    expect(calls(all, 'ConsoleMemberMessages')).toHaveLength(0)
  })

  test('a marketer adjusts points but cannot see the full number', async () => {
    const { wrapper } = await at('/members/7', 'MARKETER')
    expect(wrapper.find('[data-test=adjust-points]').exists()).toBe(true)
    expect(wrapper.find('[data-test=reveal-phone]').exists()).toBe(false)
  })

  async function adjust(wrapper, { points, reason, take = false }) {
    await wrapper.find('[data-test=adjust-points]').trigger('click')
    await settle()
    if (take) await wrapper.findAll('.el-radio-button').find(b => b.text() === '扣减').find('input').setValue(true)
    const number = wrapper.find('input[aria-label=积分数]')
    await number.setValue(String(points))
    await number.trigger('change')
    await wrapper.find('textarea[aria-label=调整原因]').setValue(reason)
    await wrapper.find('[data-test=adjust-submit]').trigger('click')
    await settle()
  }

  test('an adjustment within the cap moves the balance and shows in the ledger', async () => {
    let adjusted = false
    const { wrapper, calls: all } = await at('/members/7', 'STORE_MANAGER', {
      ConsoleMemberProfile: () => (adjusted
        ? profile({}, { pointsBalance: 2480, pointsHistory: connection([ledgerEntry('32', { kind: 'ADJUST', delta: 200, reason: '系统故障补发', orderNo: null })]) })
        : profile()),
      ConsoleAdjustMemberPoints: () => { adjusted = true; return { adjustPoints: { replayed: false, member: { id: '7', pointsBalance: 2480 }, pendingApproval: null, userErrors: [] } } }
    })
    await adjust(wrapper, { points: 200, reason: '系统故障补发' })
    const input = calls(all, 'ConsoleAdjustMemberPoints')[0].variables.input
    expect(input).toMatchObject({ memberId: '7', delta: 200, reason: '系统故障补发' })
    expect(input.idempotencyKey).toMatch(/^console-adjust-7-/)
    expect(wrapper.find('[data-test=points-balance]').text()).toBe('2480')
    expect(wrapper.find('[data-test=points-ledger]').text()).toContain('系统故障补发')
    expect(body()).toContain('积分已调整，当前余额 2480')
  })

  test('taking points sends a negative delta', async () => {
    const { wrapper, calls: all } = await at('/members/7', 'ADMIN', {
      ConsoleAdjustMemberPoints: { adjustPoints: { replayed: false, member: { id: '7', pointsBalance: 2180 }, pendingApproval: null, userErrors: [] } }
    })
    await adjust(wrapper, { points: 100, reason: '录错了', take: true })
    expect(calls(all, 'ConsoleAdjustMemberPoints')[0].variables.input.delta).toBe(-100)
  })

  test('an adjustment above the cap is shown as submitted for approval, and the balance does not move', async () => {
    const { wrapper, calls: all } = await at('/members/7', 'STORE_MANAGER', {
      ConsoleAdjustMemberPoints: { adjustPoints: { replayed: false, member: { id: '7', pointsBalance: 2280 },
        pendingApproval: { id: '4', delta: 800, status: 'PENDING', capReason: '单次超过 500 积分', requestedAt: '2026-12-07T02:00:00Z' }, userErrors: [] } }
    })
    await adjust(wrapper, { points: 800, reason: '大额补偿' })
    expect(wrapper.find('[data-test=adjust-pending]').text()).toContain('已提交审批')
    expect(wrapper.find('[data-test=adjust-pending]').text()).toContain('单次超过 500 积分')
    expect(wrapper.find('[data-test=pending-alert]').text()).toContain('+800 积分超过你的额度')
    expect(wrapper.find('[data-test=points-balance]').text()).toBe('2280')
    expect(calls(all, 'ConsoleMemberProfile')).toHaveLength(1)
  })

  test('an adjustment the API refuses shows its message and keeps the dialog', async () => {
    const { wrapper } = await at('/members/7', 'STORE_MANAGER', {
      ConsoleAdjustMemberPoints: { adjustPoints: { replayed: false, member: null, pendingApproval: null,
        userErrors: [{ field: ['input', 'delta'], code: 'INSUFFICIENT_POINTS', message: '积分不足，不能扣成负数' }] } }
    })
    await adjust(wrapper, { points: 5000, reason: '测试', take: true })
    expect(body()).toContain('积分不足，不能扣成负数')
    expect(wrapper.find('[data-test=adjust-submit]').exists()).toBe(true)
  })

  test('a manual tag is added with a reason and shows on the member', async () => {
    const { wrapper, calls: all } = await at('/members/7?tab=tags', 'CLERK', {
      ConsoleAddMemberTag: { addMemberTag: { changed: true, tag: { id: '4', name: 'VIP', memberCount: 9 }, userErrors: [] } }
    })
    expect(calls(all, 'ConsoleMemberTagOptions')[0].variables).toEqual({ kind: 'MANUAL', search: null })
    const tags = wrapper.find('[data-test=member-tags]')
    expect(tags.text()).toContain('老顾客')
    expect(tags.text()).toContain('高客单')
    const pick = wrapper.findAllComponents({ name: 'ElSelect' }).find(c => c.props('placeholder') === '选择手动标签')
    pick.vm.$emit('update:modelValue', '4')
    await wrapper.find('input[aria-label=添加原因]').setValue('常客')
    await settle()
    await wrapper.find('[data-test=tag-add]').trigger('click')
    await settle()
    expect(calls(all, 'ConsoleAddMemberTag')[0].variables).toEqual({ input: { memberId: '7', tagId: '4', reason: '常客' } })
    expect(wrapper.find('[data-test=member-tags]').text()).toContain('VIP')
    expect(body()).toContain('已添加标签“VIP”')
  })

  test('only manual tags can be taken off; rule tags are kept by their rule', async () => {
    const { wrapper } = await at('/members/7?tab=tags', 'STORE_MANAGER')
    const closable = wrapper.findAll('[data-test=member-tags] .el-tag').filter(t => t.find('.el-tag__close').exists()).map(t => t.text())
    expect(closable).toEqual(['老顾客'])
  })

  test('the segments tab shows RFM scores, the quadrant\'s play and the stage history', async () => {
    const { wrapper } = await at('/members/7?tab=segments')
    const text = wrapper.text()
    expect(text).toContain('5 分 · 1 天前')
    expect(text).toContain('4 分 · 3 单')
    expect(text).toContain('储值赠礼')
    expect(wrapper.find('[data-test=stage-history]').text()).toContain('新客 → 活跃')
  })

  test('the coupons, orders, tiers and recommendations tabs show what the profile holds', async () => {
    for (const [tab, expected] of [['coupons', ['演示·满200减50', '满¥200.00减¥50.00', '营销活动']], ['orders', ['DEMO-1003', '¥420.00', '蛋糕 · 2 单']],
      ['tiers', ['普通 → 银卡', '月均消费达到银卡标准']], ['recommendations', ['芝士蛋糕', '常与生日蛋糕一起购买']]]) {
      const { wrapper } = await at(`/members/7?tab=${tab}`)
      const pane = wrapper.find('.el-tab-pane:not([style*="display: none"])').text()
      for (const e of expected) expect(pane, tab).toContain(e)
      wrapper.unmount()
    }
  })

  test('a store manager reads the member\'s messages, with those skipped for want of consent', async () => {
    const { wrapper, calls: all } = await at('/members/7?tab=messages', 'STORE_MANAGER', {
      ConsoleMemberMessages: { notifications: connection([{ id: '1', purpose: 'DORMANT_30', channel: 'SMS', recipient: '138****0001', status: 'SKIPPED',
        lastError: 'no marketing consent', dueAt: '2026-12-01T02:00:00Z', sentAt: null, createdAt: '2026-12-01T02:00:00Z' }]) }
    })
    expect(calls(all, 'ConsoleMemberMessages')[0].variables).toEqual({ memberId: '7' })
    const text = wrapper.find('[data-test=member-messages]').text()
    expect(text).toContain('30 天未消费唤醒')
    expect(text).toContain('未发送')
    expect(text).toContain('no marketing consent')
  })

  const TAB_DOCUMENTS = ['ConsoleMemberCheckIns', 'ConsoleMemberConsents', 'ConsoleMemberCampaigns']
  const tabLabels = wrapper => wrapper.findAll('.el-tabs__item').map(t => t.text())
  const wrap = memberFields => ({ member: { id: '7', member: { id: '7', ...memberFields } } })
  const checkIns = (overrides = {}) => wrap({ checkIns: { currentStreak: 3, longestStreak: 9, checkedInToday: true, total: 42, recent: [
    { day: '2026-12-07', streak: 3, points: 3, makeUp: false },
    { day: '2026-12-06', streak: 2, points: 0, makeUp: true },
    { day: '2026-12-05', streak: 1, points: 1, makeUp: false }], ...overrides } })
  const consents = (overrides = {}) => wrap({ consents: { currentNoticeVersion: 2, acceptedNoticeVersion: 2, acceptedAt: '2026-11-01T02:00:00Z',
    noticeAccepted: true, marketing: true, marketingUpdatedAt: '2026-11-02T02:00:00Z',
    subscribeConsents: [{ purpose: 'POINTS_EXPIRING', templateId: 'tmpl-points', remainingConsents: 2 },
      { purpose: 'COUPON_EXPIRING', templateId: 'tmpl-coupons', remainingConsents: 0 }], ...overrides } })
  const campaign = (id, overrides = {}) => ({ campaignId: id, name: '双十二回馈', status: 'RUNNING', kind: 'STANDARD', benefit: 'POINTS', group: 'TREATED',
    startsAt: '2026-12-01T00:00:00Z', endsAt: '2026-12-31T00:00:00Z', reached: true, reachedAt: '2026-12-01T02:30:00Z', ...overrides })

  test('the tabs read nothing until opened; a clerk has the check-ins tab but neither consents nor campaigns', async () => {
    const { wrapper, calls: all } = await at('/members/7', 'CLERK')
    for (const name of TAB_DOCUMENTS) expect(calls(all, name), name).toHaveLength(0)
    const labels = tabLabels(wrapper)
    expect(labels).toContain('签到')
    expect(labels).not.toContain('授权')
    expect(labels).not.toContain('参与活动')
  })

  test('store managers, marketers and admins have all three tabs', async () => {
    for (const role of ['STORE_MANAGER', 'MARKETER', 'ADMIN']) {
      const { wrapper } = await at('/members/7', role)
      expect(tabLabels(wrapper), role).toEqual(expect.arrayContaining(['签到', '授权', '参与活动']))
      wrapper.unmount()
    }
  })

  test('the check-ins tab shows the streaks and the latest days, a make-up marked as such', async () => {
    const { wrapper, calls: all } = await at('/members/7?tab=checkins', 'CLERK', { ConsoleMemberCheckIns: checkIns() })
    expect(calls(all, 'ConsoleMemberCheckIns')[0].variables).toEqual({ id: '7' })
    const text = wrapper.find('[data-test=member-check-ins]').text()
    expect(wrapper.find('[data-test=current-streak]').text()).toBe('3')
    expect(text).toContain('最长连续 9 天')
    expect(text).toContain('累计签到 42 次')
    expect(text).toContain('今日已签到')
    const rows = wrapper.findAll('[data-test=member-check-ins] .el-table__body tr').map(r => r.text())
    expect(rows).toHaveLength(3)
    expect(rows[0]).toContain('2026-12-07')
    expect(rows[0]).toContain('+3')
    expect(rows[1]).toContain('补签')
    expect(text).toContain('显示最近 3 次签到，共 42 次')
  })

  test('a member who never checked in shows the empty state', async () => {
    const { wrapper } = await at('/members/7?tab=checkins', 'STORE_MANAGER', {
      ConsoleMemberCheckIns: checkIns({ currentStreak: 0, longestStreak: 0, checkedInToday: false, total: 0, recent: [] })
    })
    expect(wrapper.find('[data-test=member-check-ins] [data-state=empty]').text()).toContain('还没有签到过')
  })

  test('a tab shows its skeleton while it loads', async () => {
    const { wrapper } = await at('/members/7?tab=checkins', 'STORE_MANAGER', { ConsoleMemberCheckIns: () => new Promise(() => {}) })
    expect(wrapper.find('[data-test=member-check-ins] [data-state=loading]').exists()).toBe(true)
  })

  test('a failed check-ins read says why and retries', async () => {
    let fail = true
    const { wrapper } = await at('/members/7?tab=checkins', 'MARKETER', {
      ConsoleMemberCheckIns: () => (fail ? { errors: [{ message: '查询太频繁', extensions: { code: 'RATE_LIMITED' } }] } : checkIns())
    })
    expect(wrapper.find('[data-test=member-check-ins] [data-state=error]').text()).toContain('查询太频繁')
    fail = false
    await wrapper.find('[data-test=member-check-ins] [data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.find('[data-test=current-streak]').text()).toBe('3')
  })

  test('the consents tab shows the notice, marketing and the subscribe messages left', async () => {
    const { wrapper, calls: all } = await at('/members/7?tab=consents', 'STORE_MANAGER', { ConsoleMemberConsents: consents() })
    expect(calls(all, 'ConsoleMemberConsents')[0].variables).toEqual({ id: '7' })
    expect(wrapper.find('[data-test=notice]').text()).toBe('已同意第 2 版隐私政策')
    expect(wrapper.find('[data-test=marketing]').text()).toBe('同意接收')
    const rows = wrapper.findAll('[data-test=subscribe-consents] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('积分到期提醒')
    expect(rows[0]).toContain('2 条')
    expect(rows[1]).toContain('优惠券到期提醒')
    expect(rows[1]).toContain('0 条')
  })

  test('a member on an old notice who withdrew marketing is shown so', async () => {
    const { wrapper } = await at('/members/7?tab=consents', 'ADMIN', {
      ConsoleMemberConsents: consents({ acceptedNoticeVersion: 1, noticeAccepted: false, marketing: false })
    })
    expect(wrapper.find('[data-test=notice]').text()).toBe('已同意第 1 版隐私政策，现行为第 2 版，需重新同意')
    expect(wrapper.find('[data-test=marketing]').text()).toBe('不接收')
    const never = await at('/members/7?tab=consents', 'ADMIN', { ConsoleMemberConsents: consents({ acceptedNoticeVersion: null, acceptedAt: null, noticeAccepted: false }) })
    expect(never.wrapper.find('[data-test=notice]').text()).toBe('未同意隐私政策')
  })

  test('a failed consents read shows the error state', async () => {
    const { wrapper } = await at('/members/7?tab=consents', 'MARKETER', {
      ConsoleMemberConsents: { errors: [{ message: '没有权限', extensions: { classification: 'FORBIDDEN' } }] }
    })
    expect(wrapper.find('[data-test=member-consents] [data-state=error]').exists()).toBe(true)
  })

  test('a clerk opening a shared consents link sees no consents and reads none', async () => {
    const { wrapper, calls: all } = await at('/members/7?tab=consents', 'CLERK')
    expect(wrapper.find('[data-test=member-consents]').exists()).toBe(false)
    expect(calls(all, 'ConsoleMemberConsents')).toHaveLength(0)
  })

  test('the campaigns tab lists each campaign with its group and whether the benefit reached the member', async () => {
    const { wrapper, calls: all } = await at('/members/7?tab=campaigns', 'MARKETER', {
      ConsoleMemberCampaigns: wrap({ campaigns: [campaign('9'), campaign('5', { name: '会员日', status: 'ENDED', kind: 'MEMBER_DAY', benefit: 'MULTIPLIER',
        group: 'CONTROL', reached: false, reachedAt: null })] })
    })
    expect(calls(all, 'ConsoleMemberCampaigns')[0].variables).toEqual({ id: '7' })
    const rows = wrapper.findAll('[data-test=member-campaigns] .el-table__body tr').map(r => r.text())
    expect(rows[0]).toContain('双十二回馈')
    expect(rows[0]).toContain('进行中')
    expect(rows[0]).toContain('实验组')
    expect(rows[0]).toContain('已到账')
    expect(rows[1]).toContain('已结束')
    expect(rows[1]).toContain('积分倍率')
    expect(rows[1]).toContain('对照组不发放')
    expect(wrapper.find('[data-test=member-campaigns] a').attributes('href')).toContain('/campaigns/9')
  })

  test('a member in no campaign shows the empty state, and a failed read the error state', async () => {
    const empty = await at('/members/7?tab=campaigns', 'STORE_MANAGER', { ConsoleMemberCampaigns: wrap({ campaigns: [] }) })
    expect(empty.wrapper.find('[data-test=member-campaigns] [data-state=empty]').text()).toContain('还没有参与过营销活动')
    empty.wrapper.unmount()
    const failed = await at('/members/7?tab=campaigns', 'STORE_MANAGER', { ConsoleMemberCampaigns: () => { throw new Error('网络错误') } })
    expect(failed.wrapper.find('[data-test=member-campaigns] [data-state=error]').exists()).toBe(true)
  })
})
