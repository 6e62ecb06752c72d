/** The staff door check-in: pick the store's running event, scan the member's ticket, points once. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const { signIn, type } = require('./helpers')

function node(i, overrides = {}) {
  const startsAt = new Date(Date.now() + 30 * 60000).toISOString()
  const endsAt = new Date(Date.now() + 150 * 60000).toISOString()
  return Object.assign({ id: `e${i}`, title: `品鉴会${i}`, startsAt, endsAt,
    capacity: 20, points: 40, status: 'PUBLISHED', placesTaken: 20, store: { id: '1', name: '徐汇店' },
    stats: { signedUp: 20, attended: 3 } }, overrides)
}
const events = nodes => ({ memberEvents: { totalCount: nodes.length, edges: nodes.map(n => ({ node: n })) } })

beforeEach(() => signIn('CLERK'))

async function open() {
  const page = loadPage('staff/events/index')
  await page.instance.onLoad({})
  await flush()
  return page
}

test('theOnlyRunningEventIsChosenAndAScanChecksTheMemberInWithItsPoints', async () => {
  const nextWeek = new Date(Date.now() + 7 * 86400000).toISOString()
  wx.__server.on('StaffMemberEvents', () => events([node(1), node(2, { status: 'DRAFT' }), node(3, { status: 'CANCELLED' }),
    node(5, { startsAt: nextWeek, endsAt: nextWeek })]))
  wx.__server.on('StaffCheckInAtEvent', () => ({ checkInAtEvent: { signUp: { id: 's1', attendedAt: '2026-12-20T06:05:00Z', pointsAwarded: 40 },
    member: { id: 'm1', nickname: '小爱' }, replayed: false, userErrors: [] } }))
  wx.scanCode.mockImplementation(options => options.success({ result: 'tok-1' }))
  const page = await open()
  expect(text(page, '.door-title')).toBe('品鉴会1')
  expect(text(page, '.door-counts')).toContain('已到场 3 / 报名 20')
  tap(page, '.scan-button')
  await flush()
  expect(wx.__server.calls('StaffCheckInAtEvent')).toEqual([{ input: { eventId: 'e1', memberCode: 'tok-1' } }])
  expect(text(page, '.door-member')).toBe('小爱')
  expect(text(page, '.door-done')).toContain('签到成功，+40 积分')
})

test('aRepeatedScanSaysAlreadyCheckedInAndARefusedCodeSaysWhy', async () => {
  wx.__server.on('StaffMemberEvents', () => events([node(1), node(4)]))
  let answer = { checkInAtEvent: { signUp: { id: 's1', attendedAt: '2026-12-20T06:05:00Z', pointsAwarded: 40 },
    member: { id: 'm1', nickname: '小爱' }, replayed: true, userErrors: [] } }
  wx.__server.on('StaffCheckInAtEvent', () => answer)
  const page = await open()
  expect(texts(page, '.door-event-title')).toEqual(['品鉴会1', '品鉴会4'])
  page.querySelectorAll('.door-event')[1].dispatchEvent('tap')
  await flush()
  type(page, '.manual-code', '880000000000000001')
  tap(page, '.manual-button')
  await flush()
  expect(wx.__server.calls('StaffCheckInAtEvent')[0].input.eventId).toBe('e4')
  expect(text(page, '.door-replayed')).toContain('已签到过，不重复发放积分')
  answer = { checkInAtEvent: { signUp: null, member: null, replayed: false,
    userErrors: [{ field: [], code: 'EVENT_NOT_SIGNED_UP', message: '该会员没有这个活动的正式名额（未报名、候补中或已取消）' }] } }
  type(page, '.manual-code', '880000000000000001')
  tap(page, '.manual-button')
  await flush()
  expect(text(page, '.door-error')).toBe('该会员没有这个活动的正式名额（未报名、候补中或已取消）')
  type(page, '.manual-code', '123')
  tap(page, '.manual-button')
  await flush()
  expect(text(page, '.door-error')).toContain('18位')
})

test('noRunningEventAndAFailureSaySo', async () => {
  wx.__server.on('StaffMemberEvents', () => events([node(1, { status: 'FINISHED' })]))
  expect(text(await open(), '.door-empty')).toContain('本店现在没有可签到的会员活动')
  wx.__server.on('StaffMemberEvents', () => ({ statusCode: 500, data: null }))
  jest.useFakeTimers()
  const page = loadPage('staff/events/index')
  page.instance.onLoad({})
  await jest.runAllTimersAsync()
  jest.useRealTimers()
  expect(text(page, '.door-failed')).toBe('加载失败，点击重试')
})
