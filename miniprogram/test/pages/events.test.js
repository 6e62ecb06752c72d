/** Member events: the list for the member's audience, the event page (sign up, waiting list, cancel) and 我的活动 with the ticket. */
const { loadPage, flush, text, texts, tap, imageSrc } = require('../support/page')
const session = require('../../src/api/session')

function event(i, overrides = {}) {
  return Object.assign({ id: `e${i}`, title: `品鉴会${i}`, description: '新品咖啡品鉴', pictureUrl: null,
    startsAt: '2026-12-20T06:00:00Z', endsAt: '2026-12-20T08:00:00Z', capacity: 20, points: 30,
    cancelDeadline: '2099-12-19T06:00:00Z', status: 'PUBLISHED', placesLeft: 5, signUpOpen: true,
    signUpClosesAt: '2026-12-20T06:00:00Z', store: { id: '1', name: '徐汇店' }, mySignUp: null }, overrides)
}
function signUp(overrides = {}) {
  return Object.assign({ id: 's1', eventId: 'e1', status: 'CONFIRMED', waitingPosition: null, points: 30,
    cancelDeadline: '2099-12-19T06:00:00Z', signedUpAt: '2026-12-10T02:00:00Z', attendedAt: null, pointsAwarded: null }, overrides)
}
const connection = (field, nodes) => ({ [field]: { totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null },
  edges: nodes.map(node => ({ node })) } })

beforeEach(() => {
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
  // the brand set up no notice templates unless a test says so: 报名 asks nothing
  wx.__server.on('SubscribeTemplates', () => ({ subscribeTemplates: [] }))
})
afterEach(() => jest.useRealTimers())

async function open(path, query = {}) {
  const page = loadPage(path)
  await page.instance.onLoad(query)
  await flush()
  return page
}

test('theListShowsEachEventWithPlacesPointsAndTheMembersSignUp', async () => {
  wx.__server.on('EventsForMe', () => connection('eventsForMe', [
    event(1), event(2, { placesLeft: 0, mySignUp: signUp({ status: 'WAITING', waitingPosition: 3 }) })]))
  const page = await open('pages/events/index')
  expect(texts(page, '.event-title')).toEqual(['品鉴会1', '品鉴会2'])
  expect(texts(page, '.event-places')).toEqual(['剩余 5 个名额', '名额已满，可报名候补'])
  expect(texts(page, '.event-status')).toEqual(['报名中', '候补第 3 位'])
  expect(texts(page, '.event-points')).toEqual(['到场 +30 积分', '到场 +30 积分'])
  page.querySelectorAll('.event')[1].dispatchEvent('tap')
  await flush()
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/event/index?id=e2' })
})

test('noEventsAndAFailureSaySo', async () => {
  wx.__server.on('EventsForMe', () => connection('eventsForMe', []))
  expect(text(await open('pages/events/index'), '.events-empty')).toBe('暂时没有适合你的活动，敬请期待')
  wx.__server.on('EventsForMe', () => ({ statusCode: 500, data: null }))
  jest.useFakeTimers()
  const page = loadPage('pages/events/index')
  page.instance.onLoad({})
  await jest.runAllTimersAsync()
  expect(text(page, '.events-failed')).toBe('加载失败，点击重试')
})

test('signingUpWhenFullJoinsTheWaitingListAndShowsThePosition', async () => {
  let mine = null
  wx.__server.on('MemberEvent', () => ({ memberEvent: event(1, { placesLeft: 0, mySignUp: mine }) }))
  wx.__server.on('SignUpForEvent', () => {
    mine = signUp({ status: 'WAITING', waitingPosition: 4 })
    return { signUpForEvent: { signUp: mine, replayed: false, userErrors: [] } }
  })
  const page = await open('pages/event/index', { id: 'e1' })
  expect(text(page, '.sign-up-button')).toBe('报名候补')
  tap(page, '.sign-up-button')
  await flush()
  expect(wx.__server.calls('SignUpForEvent')).toEqual([{ input: { eventId: 'e1' } }])
  expect(text(page, '.event-notice')).toContain('候补第 4 位')
  expect(text(page, '.event-sign-up')).toBe('候补第 4 位')
  expect(text(page, '.cancel-button')).toBe('退出候补')
  expect(page.querySelectorAll('.sign-up-button')).toHaveLength(0)
})

test('aMemberOutsideTheAudienceIsToldWhy', async () => {
  wx.__server.on('MemberEvent', () => ({ memberEvent: event(1) }))
  wx.__server.on('SignUpForEvent', () => ({ signUpForEvent: { signUp: null, replayed: false,
    userErrors: [{ field: [], code: 'EVENT_NOT_FOR_MEMBER', message: '该活动仅限等级 2 及以上会员参加' }] } }))
  const page = await open('pages/event/index', { id: 'e1' })
  tap(page, '.sign-up-button')
  await flush()
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '该活动仅限等级 2 及以上会员参加' }))
})

test('aPlaceCanBeGivenUpBeforeTheDeadlineAfterAConfirmation', async () => {
  let mine = signUp()
  wx.__server.on('MemberEvent', () => ({ memberEvent: event(1, { mySignUp: mine }) }))
  wx.__server.on('CancelEventSignUp', () => {
    mine = signUp({ status: 'CANCELLED' })
    return { cancelEventSignUp: { signUp: mine, replayed: false, userErrors: [] } }
  })
  const page = await open('pages/event/index', { id: 'e1' })
  expect(text(page, '.event-sign-up')).toBe('已报名')
  tap(page, '.cancel-button')
  await flush()
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '取消后名额会让给候补的会员，确定取消吗？' }))
  expect(wx.__server.calls('CancelEventSignUp')).toEqual([{ input: { eventId: 'e1' } }])
  expect(text(page, '.event-notice')).toBe('已取消报名')
  expect(text(page, '.sign-up-button')).toBe('立即报名')
})

test('pastTheDeadlineThereIsNoCancelAndAMissingEventSaysSo', async () => {
  wx.__server.on('MemberEvent', () => ({ memberEvent: event(1, { mySignUp: signUp({ cancelDeadline: '2020-01-01T00:00:00Z' }) }) }))
  const page = await open('pages/event/index', { id: 'e1' })
  expect(page.querySelectorAll('.cancel-button')).toHaveLength(0)
  wx.__server.on('MemberEvent', () => ({ memberEvent: null }))
  expect(text(await open('pages/event/index', { id: 'x' }), '.event-missing')).toBe('活动不存在或不面向你')
})

test('myEventsShowEachSignUpAndATicketThatIsTheRotatingMemberCode', async () => {
  wx.__server.on('MyEventSignUps', () => connection('myEventSignUps', [
    Object.assign(signUp(), { event: event(1) }),
    Object.assign(signUp({ id: 's2', eventId: 'e2', attendedAt: '2026-12-01T06:10:00Z', pointsAwarded: 30 }), { event: event(2, { status: 'FINISHED' }) }),
    Object.assign(signUp({ id: 's3', eventId: 'e3', status: 'CANCELLED' }), { event: event(3) })
  ]))
  wx.__server.on('MemberCode', () => ({ memberCode: { token: 'tok-1', digits: '880000000000000001', expiresAt: new Date(Date.now() + 60000).toISOString() } }))
  const page = await open('pages/my-events/index')
  expect(texts(page, '.sign-up-state')).toEqual(['已报名', '已到场 · +30 积分', '已取消报名'])
  expect(page.querySelectorAll('.ticket-button')).toHaveLength(1)
  tap(page, '.ticket-button')
  await flush()
  expect(wx.__server.calls('MemberCode')).toHaveLength(1)
  expect(page.instance.data.code).toBe('tok-1')
  expect(text(page, '.ticket-hint')).toContain('截图无效')
  tap(page, '.ticket-close')
  await flush()
  expect(page.querySelectorAll('.ticket')).toHaveLength(0)
})

test('noSignUpsSaySo', async () => {
  wx.__server.on('MyEventSignUps', () => connection('myEventSignUps', []))
  expect(text(await open('pages/my-events/index'), '.my-events-empty')).toBe('还没有报名活动，去「会员活动」看看吧')
})

test('anEventsUploadedPictureIsShownInTheListAndOnItsPage', async () => {
  const picture = 'https://loyalty.example.com/media/' + 'e'.repeat(43) + '.jpg'
  wx.__server.on('EventsForMe', () => connection('eventsForMe', [event(1, { pictureUrl: picture }), event(2)]))
  const list = await open('pages/events/index')
  const pictures = list.querySelectorAll('.event-picture')
  expect(pictures).toHaveLength(1)
  expect(pictures[0]._exparserNode.dataset.src).toBe(picture)

  wx.__server.on('MemberEvent', () => ({ memberEvent: event(1, { pictureUrl: picture }) }))
  const page = await open('pages/event/index', { id: 'e1' })
  expect(imageSrc(page, '.event-picture')).toBe(picture)
})

describe('the event notice (EVENT_UPDATE) asked for at 报名', () => {
  const TEMPLATES = [
    { purpose: 'POINTS_EXPIRING', templateId: 'tmpl-points', remainingConsents: 0 },
    { purpose: 'EVENT_UPDATE', templateId: 'tmpl-event', remainingConsents: 0 },
    { purpose: 'BIRTHDAY', templateId: 'tmpl-birthday', remainingConsents: 0 }
  ]
  let order
  beforeEach(() => {
    order = []
    wx.__server.on('SubscribeTemplates', () => ({ subscribeTemplates: TEMPLATES }))
    wx.__server.on('MemberEvent', () => ({ memberEvent: event(1, { placesLeft: 0 }) }))
    wx.__server.on('SignUpForEvent', () => {
      order.push('signUp')
      return { signUpForEvent: { signUp: signUp({ status: 'WAITING', waitingPosition: 2 }), replayed: false, userErrors: [] } }
    })
    wx.__server.on('GrantSubscribeConsent', vars => {
      order.push('grant')
      return { grantSubscribeConsent: { templates: TEMPLATES.map(t => Object.assign({}, t,
        { remainingConsents: vars.input.templateIds.includes(t.templateId) ? 1 : 0 })), userErrors: [] } }
    })
  })
  const answering = result => wx.requestSubscribeMessage.mockImplementation(options => {
    order.push('ask')
    result === 'fail' ? options.fail({ errMsg: 'requestSubscribeMessage:fail' }) : options.success(result)
  })

  test('theTapAsksForTheEventNoticeOnlyRecordsTheAcceptanceAndThenSignsUp', async () => {
    answering({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-event': 'accept' })
    const page = await open('pages/event/index', { id: 'e1' })
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()
    const requestsBefore = wx.__server.requests.length
    tap(page, '.sign-up-button')
    await flush()
    // straight from the tap, before any request: WeChat shows its dialog only then
    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(wx.__server.requests.slice(requestsBefore).map(r => r.operationName)).toEqual(['GrantSubscribeConsent', 'SignUpForEvent', 'MemberEvent'])
    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['tmpl-event'])
    expect(wx.__server.calls('GrantSubscribeConsent')).toEqual([{ input: { templateIds: ['tmpl-event'] } }])
    expect(order).toEqual(['ask', 'grant', 'signUp'])
    expect(text(page, '.event-notice')).toContain('候补第 2 位')
  })

  test('decliningTheNoticeRecordsNothingAndStillSignsUp', async () => {
    answering({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-event': 'reject' })
    const page = await open('pages/event/index', { id: 'e1' })
    tap(page, '.sign-up-button')
    await flush()
    expect(wx.__server.calls('GrantSubscribeConsent')).toHaveLength(0)
    expect(order).toEqual(['ask', 'signUp'])
    expect(text(page, '.event-notice')).toContain('候补第 2 位')
  })

  test('whenWeChatCannotAskOrTheRecordFailsTheSignUpStillGoesThrough', async () => {
    answering('fail')
    let page = await open('pages/event/index', { id: 'e1' })
    tap(page, '.sign-up-button')
    await flush()
    expect(order).toEqual(['ask', 'signUp'])

    order = []
    answering({ 'tmpl-event': 'accept' })
    wx.__server.on('GrantSubscribeConsent', () => {
      order.push('grant')
      return { grantSubscribeConsent: { templates: [], userErrors: [{ field: ['input', 'templateIds'], code: 'INVALID_INPUT', message: '没有这个模板' }] } }
    })
    page = await open('pages/event/index', { id: 'e1' })
    tap(page, '.sign-up-button')
    await flush()
    expect(order).toEqual(['ask', 'grant', 'signUp'])
    expect(text(page, '.event-notice')).toContain('候补第 2 位')
  })

  test('withoutAnEventNoticeSetUpNothingIsAsked', async () => {
    wx.__server.on('SubscribeTemplates', () => ({ subscribeTemplates: [TEMPLATES[0]] }))
    const page = await open('pages/event/index', { id: 'e1' })
    tap(page, '.sign-up-button')
    await flush()
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled()
    expect(order).toEqual(['signUp'])
  })
})
