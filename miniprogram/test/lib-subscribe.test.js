/** Subscriptions: what each template is for, which may be asked for once (service only), which were accepted. */
const subscribe = require('../src/lib/subscribe')

test('theFewestConsentsLeftAreAskedForFirstAtMostThree', () => {
  const templates = [
    { purpose: 'POINTS_EXPIRING', templateId: 'a', remainingConsents: 3 }, { purpose: 'COUPON_EXPIRING', templateId: 'b', remainingConsents: 0 },
    { purpose: 'POINTS_EXPIRING', templateId: 'c', remainingConsents: 1 }, { purpose: 'COUPON_EXPIRING', templateId: 'd', remainingConsents: 0 }
  ]
  expect(subscribe.pick(templates)).toEqual(['b', 'd', 'c'])
})

test('onlyAcceptedIdsCount', () => {
  expect(subscribe.accepted({ a: 'accept', b: 'reject', c: 'ban', errMsg: 'ok' }, ['a', 'b', 'c'])).toEqual(['a'])
  expect(subscribe.accepted(undefined, ['a'])).toEqual([])
})

test('everyPurposeSaysWhatItIsFor', () => {
  for (const purpose of ['POINTS_EXPIRING', 'COUPON_EXPIRING', 'DORMANT_30', 'DORMANT_60', 'BIRTHDAY', 'REPURCHASE']) {
    expect(subscribe.templateView({ purpose, templateId: 'x', remainingConsents: 0 }).title).not.toBe('消息提醒')
  }
  expect(subscribe.templateView({ purpose: 'NEW_THING', templateId: 'x', remainingConsents: 2 }))
    .toMatchObject({ title: '消息提醒', remaining: '还可接收2条' })
})

test('everyPurposeStatesWhetherItIsAServiceNoticeOrMarketing', () => {
  const kinds = Object.fromEntries(Object.entries(subscribe.PURPOSES).map(([purpose, p]) => [purpose, p.kind]))
  expect(kinds).toEqual({ POINTS_EXPIRING: 'SERVICE', COUPON_EXPIRING: 'SERVICE', EVENT_UPDATE: 'SERVICE', DORMANT_30: 'MARKETING',
    DORMANT_60: 'MARKETING', BIRTHDAY: 'MARKETING', REPURCHASE: 'MARKETING' })
})

test('marketingAndUnknownPurposesAreNeverPickedForAOneTimeSubscription', () => {
  const templates = [
    { purpose: 'DORMANT_30', templateId: 'dormant', remainingConsents: 0 },
    { purpose: 'BIRTHDAY', templateId: 'birthday', remainingConsents: 0 },
    { purpose: 'NEW_CAMPAIGN', templateId: 'new', remainingConsents: 0 },
    { purpose: 'COUPON_EXPIRING', templateId: 'coupon', remainingConsents: 2 }
  ]
  expect(subscribe.askable(templates).map(t => t.templateId)).toEqual(['coupon'])
  expect(subscribe.pick(templates)).toEqual(['coupon'])
})

test('aOneTimeRequestForAMarketingPurposeIsRefusedBeforeReachingWeChat', () => {
  const templates = [{ purpose: 'REPURCHASE', templateId: 'again', remainingConsents: 0 },
    { purpose: 'POINTS_EXPIRING', templateId: 'points', remainingConsents: 0 }]
  expect(subscribe.checkOneTime(templates, ['points'])).toEqual(['points'])
  expect(() => subscribe.checkOneTime(templates, ['points', 'again'])).toThrow('不能用于 REPURCHASE')
  expect(() => subscribe.checkOneTime(templates, ['unknown-id'])).toThrow('不能用于 unknown-id')
})

test('aPageAsksOnlyForItsOwnServicePurposes', () => {
  const templates = [{ purpose: 'EVENT_UPDATE', templateId: 'event', remainingConsents: 0 },
    { purpose: 'POINTS_EXPIRING', templateId: 'points', remainingConsents: 0 },
    { purpose: 'BIRTHDAY', templateId: 'birthday', remainingConsents: 0 }]
  expect(subscribe.forPurposes(templates, ['EVENT_UPDATE']).map(t => t.templateId)).toEqual(['event'])
  expect(subscribe.forPurposes(templates, ['BIRTHDAY'])).toEqual([])
})

test('askingResolvesToTheAcceptedIdsOrToAFailureAndRefusesMarketing', async () => {
  const templates = [{ purpose: 'EVENT_UPDATE', templateId: 'event', remainingConsents: 0 },
    { purpose: 'BIRTHDAY', templateId: 'birthday', remainingConsents: 0 }]
  wx.requestSubscribeMessage.mockImplementation(options => options.success({ event: 'accept' }))
  await expect(subscribe.ask(templates, ['event'])).resolves.toEqual({ accepted: ['event'], failed: false })
  wx.requestSubscribeMessage.mockImplementation(options => options.fail({ errMsg: 'requestSubscribeMessage:fail' }))
  await expect(subscribe.ask(templates, ['event'])).resolves.toEqual({ accepted: [], failed: true })
  expect(() => subscribe.ask(templates, ['birthday'])).toThrow('不能用于 BIRTHDAY')
  expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(2)
})
