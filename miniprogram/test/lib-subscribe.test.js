/** Subscriptions: what each template is for, which to ask for, which were accepted. */
const subscribe = require('../src/lib/subscribe')

test('theFewestConsentsLeftAreAskedForFirstAtMostThree', () => {
  const templates = [
    { templateId: 'a', remainingConsents: 3 }, { templateId: 'b', remainingConsents: 0 },
    { templateId: 'c', remainingConsents: 1 }, { templateId: 'd', remainingConsents: 0 }
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
