import { describe, test, expect, afterEach } from 'vitest'
import { h } from 'vue'
import EventList from '../../src/pages/events/EventList.vue'
import EventDetail from '../../src/pages/events/EventDetail.vue'
import EventForm from '../../src/pages/events/EventForm.vue'
import MemberEvents from '../../src/pages/members/MemberEvents.vue'
import { mountPage as mountOnce, settle } from '../support/mount.js'

const mounted = []
const mountPage = async (...args) => { const page = await mountOnce(...args); mounted.push(page.wrapper); return page }
afterEach(() => { for (const wrapper of mounted.splice(0)) if (wrapper.vm) try { wrapper.unmount() } catch (e) { /* unmounted by the test */ } })

const wait = ms => new Promise(resolve => setTimeout(resolve, ms))
const STATS = { signedUp: 20, waiting: 7, cancelled: 2, attended: 18, noShows: 2, pointsAwarded: 900 }
const node = (id, overrides = {}) => ({
  id, title: `品鉴会${id}`, store: { id: '1', name: '徐汇店' }, startsAt: '2026-12-20T06:00:00Z', endsAt: '2026-12-20T08:00:00Z',
  capacity: 20, points: 50, status: 'PUBLISHED', placesTaken: 20, stats: STATS, ...overrides
})
const list = (nodes, counts = { DRAFT: 1, PUBLISHED: nodes.length, PAUSED: 0, CANCELLED: 0, FINISHED: 4 }) => ({
  memberEvents: {
    totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null },
    statusCounts: Object.entries(counts).map(([status, count]) => ({ status, count })),
    edges: nodes.map(n => ({ node: n }))
  }
})
const signUp = (id, overrides = {}) => ({
  id, memberId: `m${id}`, member: { id: `m${id}`, nickname: `会员${id}` }, status: 'CONFIRMED', waitingPosition: null, points: 50,
  signedUpAt: '2026-12-10T02:00:00Z', attendedAt: null, pointsAwarded: null, ...overrides
})
const event = (overrides = {}, signUps = [signUp('1'), signUp('2', { status: 'WAITING', waitingPosition: 1 })]) => ({
  memberEvent: {
    ...node('7', { title: '秋季咖啡品鉴会' }), storeId: '1', description: '新品咖啡', pictureUrl: null, minTierLevel: 2, tagIds: [],
    signUpOpensAt: '2026-12-01T00:00:00Z', signUpClosesAt: '2026-12-20T06:00:00Z', cancelDeadline: '2026-12-19T06:00:00Z',
    version: 2, placesLeft: 0, signUpOpen: true, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-02T00:00:00Z',
    cancelledAt: null, cancelReason: null,
    signUps: { totalCount: signUps.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: signUps.map(n => ({ node: n })) },
    ...overrides
  }
})
const buttons = wrapper => wrapper.findAll('.toolbar button').map(b => b.text())

describe('member event list', () => {
  test('a manager sees each event with its places, waiting list, attendance, no-shows and points', async () => {
    const { wrapper } = await mountPage(EventList, { role: 'STORE_MANAGER', path: '/events', answers: { ConsoleMemberEvents: list([node('1'), node('2')]) } })
    const text = wrapper.text()
    expect(text).toContain('品鉴会1')
    expect(text).toContain('报名中 2')
    expect(text).toContain('已结束 4')
    expect(text).toContain('全部 7')
    expect(wrapper.find('[data-test=places]').text()).toBe('20 / 20')
    expect(wrapper.find('.event-table').text()).toContain('900')
    expect(wrapper.find('a[href="/console/events/1"]').exists()).toBe(true)
    expect(buttons(wrapper)).toContain('新建会员活动')
  })

  test('the status tab and the search come from the URL', async () => {
    const { calls, wrapper } = await mountPage(EventList, { role: 'MARKETER', path: '/events?status=PAUSED&q=品鉴', answers: { ConsoleMemberEvents: list([]) } })
    expect(calls.find(c => c.operationName === 'ConsoleMemberEvents').variables.filter).toEqual({ status: 'PAUSED', search: '品鉴', storeId: null })
    expect(wrapper.find('.el-tabs__item.is-active').text()).toContain('暂停报名')
  })

  test('no event yet shows the empty state', async () => {
    const { wrapper } = await mountPage(EventList, { role: 'MARKETER', path: '/events', answers: { ConsoleMemberEvents: list([], {}) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有会员活动')
  })

  test('a failed load says so and retries', async () => {
    let fail = true
    const { wrapper } = await mountPage(EventList, {
      role: 'MARKETER', path: '/events',
      answers: { ConsoleMemberEvents: () => (fail ? { errors: [{ message: 'x', extensions: { classification: 'INTERNAL_ERROR' } }] } : list([node('3')])) }
    })
    expect(wrapper.find('[data-state=error]').text()).toContain('服务暂时不可用')
    fail = false
    await wrapper.find('[data-state=error] button').trigger('click')
    await settle()
    expect(wrapper.text()).toContain('品鉴会3')
  })
})

describe('member event detail', () => {
  const open = (role, answers, id = '7') => mountPage(EventDetail, { role, path: `/events/${id}`, routePath: '/events/:id', answers })

  test('a published event shows its numbers and its sign-ups, places first and the waiting list in order', async () => {
    const { wrapper } = await open('STORE_MANAGER', { ConsoleMemberEvent: event() })
    const stats = wrapper.find('[data-test=stats]').text()
    expect(stats).toContain('报名 / 名额20 / 20')
    expect(stats).toContain('候补7 人')
    expect(stats).toContain('到场18 人')
    expect(stats).toContain('活动结束后统计')
    const rows = wrapper.find('[data-test=sign-ups]').text()
    expect(rows).toContain('会员1')
    expect(rows).toContain('候补 第 1 位')
    expect(wrapper.text()).toContain('等级 2 及以上')
    expect(buttons(wrapper)).toEqual(['编辑', '暂停报名', '取消活动'])
  })

  test('a finished event counts its no-shows and has no action', async () => {
    const { wrapper } = await open('MARKETER', { ConsoleMemberEvent: event({ status: 'FINISHED' }) })
    expect(wrapper.find('[data-test=stats]').text()).toContain('未到场2 人')
    expect(buttons(wrapper)).toEqual([])
  })

  test('a draft may be published after a confirmation', async () => {
    let status = 'DRAFT'
    const { wrapper, calls } = await open('STORE_MANAGER', {
      ConsoleMemberEvent: () => event({ status }, []),
      ConsolePublishMemberEvent: () => { status = 'PUBLISHED'; return { publishMemberEvent: { event: event({ status }).memberEvent, userErrors: [] } } }
    })
    expect(wrapper.find('[data-test=no-sign-ups]').text()).toContain('还没有会员报名')
    await wrapper.findAll('button').find(b => b.text() === '发布').trigger('click')
    await settle()
    expect(document.body.querySelector('.el-message-box').textContent).toContain('确定发布「秋季咖啡品鉴会」吗？')
    document.body.querySelector('.el-message-box__btns .el-button--primary').click()
    await wait(10)
    await settle()
    expect(calls.find(c => c.operationName === 'ConsolePublishMemberEvent').variables).toEqual({ input: { eventId: '7' } })
    expect(wrapper.find('[data-test=status]').text()).toBe('报名中')
  })

  test('cancelling asks for the reason the members will be told', async () => {
    const { wrapper, calls } = await open('MARKETER', {
      ConsoleMemberEvent: event(),
      ConsoleCancelMemberEvent: { cancelMemberEvent: { event: event({ status: 'CANCELLED' }).memberEvent, userErrors: [] } }
    })
    await wrapper.findAll('button').find(b => b.text() === '取消活动').trigger('click')
    await settle()
    const box = [...document.body.querySelectorAll('.el-message-box')].at(-1)
    expect(box.textContent).toContain('已报名和候补的会员都会收到通知')
    const field = box.querySelector('input')
    field.value = '讲师临时有事'
    field.dispatchEvent(new Event('input'))
    await settle()
    box.querySelector('.el-message-box__btns .el-button--primary').click()
    await wait(10)
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleCancelMemberEvent').variables).toEqual({ input: { eventId: '7', reason: '讲师临时有事' } })
  })

  test('an event that does not exist (or is another store\'s) says so', async () => {
    const { wrapper } = await open('STORE_MANAGER', { ConsoleMemberEvent: { memberEvent: null } }, '99')
    expect(wrapper.find('[data-state=empty]').text()).toContain('活动不存在')
  })
})

describe('member event form', () => {
  const OPTIONS = { ConsoleEventFormOptions: { tiers: [{ level: 0, name: '普通' }, { level: 2, name: '金卡' }], tags: { edges: [{ node: { id: '5', name: '咖啡控' } }] } } }

  test('a new event is saved as a draft at the manager\'s store, and a refused field shows the API\'s message', async () => {
    const { wrapper, calls } = await mountPage(EventForm, {
      role: 'STORE_MANAGER', path: '/events/new',
      answers: {
        ...OPTIONS,
        ConsoleCreateMemberEvent: { createMemberEvent: { event: null, userErrors: [{ field: ['input', 'points'], code: 'POINTS_CAP_EXCEEDED', message: '到场积分 600 超出您的发放上限（每人 500 分），请由管理员设置' }] } }
      }
    })
    await wrapper.find('input[data-test=event-title]').setValue('秋季咖啡品鉴会')
    await wrapper.find('[data-test=save]').trigger('click')
    await settle()
    await wait(150)
    const input = calls.find(c => c.operationName === 'ConsoleCreateMemberEvent').variables.input
    expect(input).toMatchObject({ title: '秋季咖啡品鉴会', capacity: 20, points: 0, storeId: '1' })
    expect(wrapper.find('[data-test=event-form]').text()).toContain('超出您的发放上限')
  })

  test('a missing title is caught before anything is sent', async () => {
    const { wrapper, calls } = await mountPage(EventForm, { role: 'MARKETER', path: '/events/new', answers: OPTIONS })
    await wrapper.find('[data-test=save]').trigger('click')
    await settle()
    await wait(150)
    expect(wrapper.find('[data-test=event-form]').text()).toContain('请填写活动名称')
    expect(calls.some(c => c.operationName === 'ConsoleCreateMemberEvent')).toBe(false)
  })

  test('an edit says it is never retroactive and sends only what changed', async () => {
    const { wrapper, calls } = await mountPage(EventForm, {
      role: 'STORE_MANAGER', path: '/events/7/edit', routePath: '/events/:id/edit',
      answers: { ...OPTIONS, ConsoleMemberEvent: event(), ConsoleUpdateMemberEvent: { updateMemberEvent: { event: event().memberEvent, userErrors: [] } } }
    })
    expect(wrapper.find('[data-test=not-retroactive]').text()).toContain('减少名额不会取消任何人的报名')
    await wrapper.find('[data-test=event-capacity] input').setValue('10')
    await wrapper.find('[data-test=event-capacity] input').trigger('change')
    await wrapper.find('[data-test=save]').trigger('click')
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleUpdateMemberEvent').variables.input).toEqual({ eventId: '7', capacity: 10, reason: null })
  })
})

describe('the member page\'s events tab', () => {
  const signUps = [
    { ...signUp('1', { attendedAt: '2026-12-20T06:10:00Z', pointsAwarded: 50 }), eventId: '7', event: { id: '7', title: '秋季咖啡品鉴会', startsAt: '2026-12-20T06:00:00Z', status: 'FINISHED', store: { id: '1', name: '徐汇店' } } },
    { ...signUp('2', { status: 'WAITING', waitingPosition: 3 }), eventId: '8', event: { id: '8', title: '手工坊', startsAt: '2026-12-28T06:00:00Z', status: 'PUBLISHED', store: { id: '1', name: '徐汇店' } } }
  ]
  const tab = { render: () => h(MemberEvents, { memberId: '42' }) }
  const answer = list => ({ member: { id: '42', member: { id: '42', eventSignUps: list } } })

  test('lists the member\'s events with attendance and the points it gave', async () => {
    const { wrapper } = await mountPage(tab, { role: 'STORE_MANAGER', path: '/members/42', answers: { ConsoleMemberEventSignUps: answer(signUps) } })
    const text = wrapper.text()
    expect(text).toContain('报名 2 场，到场 1 场')
    expect(text).toContain('秋季咖啡品鉴会')
    expect(text).toContain('+50')
    expect(text).toContain('候补 第 3 位')
  })

  test('a member without events shows the empty state', async () => {
    const { wrapper } = await mountPage(tab, { role: 'MARKETER', path: '/members/42', answers: { ConsoleMemberEventSignUps: answer([]) } })
    expect(wrapper.find('[data-state=empty]').text()).toContain('还没有报名过活动')
  })
})
