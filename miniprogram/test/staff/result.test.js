/** The result page: money, points and the reasons points were earned, from the till's handoff. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const handoff = require('../../src/staff/lib/handoff')
const { signIn } = require('./helpers')
const f = require('./fixtures')

beforeEach(() => {
  handoff.clear()
  signIn('CLERK')
  wx.__server.on('StaffMemberRecommendations', () => suggested([]))
})

/** member(id) as the backend answers it, with these recommendations. */
function suggested(recommendations) {
  return { member: { id: 'm1', member: { id: 'm1', recommendations } } }
}

/** The suggestions as [name, reason]. */
function suggestions(page) {
  const list = page.querySelector('#suggestions')
  const reasons = list.querySelectorAll('.rl-reason').map(el => el.dom.textContent.trim())
  return list.querySelectorAll('.rl-name').map((el, i) => [el.dom.textContent.trim(), reasons[i]])
}

const inSuggestions = (page, selector) => {
  const el = page.querySelector('#suggestions') && page.querySelector('#suggestions').querySelector(selector)
  return el ? el.dom.textContent.trim() : null
}

function open(payload) {
  if (payload) handoff.put('purchase', payload.recordPurchase)
  const page = loadPage('staff/result/index')
  page.instance.onLoad({})
  return page
}

test('resultShowsWhatWasPaidAndEachReasonPointsWereEarned', () => {
  const page = open(f.recorded({
    pointsEarned: 525,
    earnBreakdown: [
      { rule: 'BASE', factor: 1, points: 175 },
      { rule: 'TIER', factor: 1.2, points: 35 },
      { rule: 'MEMBER_DAY', factor: 2, points: 210 },
      { rule: 'BIRTHDAY', factor: 1.5, points: 60 },
      { rule: 'CAMPAIGN', factor: 1.25, points: 45 }
    ]
  }))
  expect(text(page, '.paid')).toBe('¥175')
  expect(text(page, '.coupon-discount')).toBe('-¥20')
  expect(text(page, '.points-redeemed')).toBe('500 积分 = ¥5')
  expect(text(page, '.points-earned')).toBe('+525')
  expect(texts(page, '.earn-label')).toEqual(['基础积分', '等级加成 ×1.2', '会员日 ×2', '生日 ×1.5', '活动 ×1.25'])
  expect(texts(page, '.earn-points')).toEqual(['+175', '+35', '+210', '+60', '+45'])
  expect(text(page, '.balance')).toBe('960')
  expect(text(page, '.replayed')).toBeNull()
  expect(text(page, '.done')).toBe('已记录')
})

test('aGoldMembersTierDiscountAndSkuPointsShowOnTheResult', () => {
  const page = open(f.recorded({
    tierDiscountCents: 900, paidCents: 16600, rulesVersion: 2,
    earnBreakdown: [
      { rule: 'BASE', factor: 1, points: 166 },
      { rule: 'SKU', factor: 1.5, points: 83 },
      { rule: 'TIER', factor: 1.5, points: 124 }
    ]
  }))
  expect(text(page, '.tier-discount')).toBe('-¥9')
  expect(texts(page, '.earn-label')).toEqual(['基础积分', '指定商品 ×1.5', '等级加成 ×1.5'])
})

test('withoutATierDiscountTheLineIsLeftOut', () => {
  expect(text(open(f.recorded()), '.tier-discount')).toBeNull()
})

test('aReplayedOrderSaysItWasNotCountedAgain', () => {
  const page = open(f.recorded({}, true))
  expect(text(page, '.replayed')).toBe('该订单已记录过，未重复计分')
  expect(text(page, '.done')).toBe('订单已存在')
})

test('anOrderPaidEntirelyByPointsAndCouponsSaysNoPointsWereEarned', () => {
  const page = open(f.recorded({ paidCents: 0, pointsEarned: 0, earnBreakdown: [] }))
  expect(text(page, '.points-earned')).toBe('+0')
  expect(text(page, '.no-earning')).toBe('实付为 0，本单不计积分')
})

test('openedWithoutAPurchaseItSaysThereIsNothingToShowAndGoesBackToTheTill', async () => {
  const page = open(null)
  expect(text(page, '.no-result')).toContain('没有可显示的收款结果')
  tap(page, '.next-button')
  await flush()
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/staff/till/index' })
})

describe('what the clerk may suggest', () => {
  test('aMembersOrderListsWhatTheMemberOftenBuysWithItForTheClerkToSuggest', async () => {
    wx.__server.on('StaffMemberRecommendations', () => suggested([
      { sku: 'C1', name: '生日蜡烛', reason: '常与生日蛋糕一起购买', source: 'BOUGHT_TOGETHER' },
      { sku: 'B2', name: '可颂', reason: '本店热销', source: 'BESTSELLER' }
    ]))
    const page = open(f.recorded())
    expect(inSuggestions(page, '.rl-loading')).toBe('推荐加载中…')
    await flush()
    expect(inSuggestions(page, '.rl-title')).toBe('可以推荐给会员')
    expect(suggestions(page)).toEqual([['生日蜡烛', '常与生日蛋糕一起购买'], ['可颂', '本店热销']])
    expect(wx.__server.calls('StaffMemberRecommendations')).toEqual([{ id: 'm1', first: 3 }])
    expect(wx.__server.requests[0].headers.Authorization).toBe('Bearer staff-a')
  })

  test('withNothingToSuggestItSaysSo', async () => {
    const page = open(f.recorded())
    await flush()
    expect(inSuggestions(page, '.rl-empty')).toBe('暂无可推荐的商品')
  })

  test('aFailedLoadSaysSoAndATapTriesAgain', async () => {
    let up = false
    wx.__server.on('StaffMemberRecommendations', () => (up
      ? suggested([{ sku: 'B2', name: '可颂', reason: '本店热销', source: 'BESTSELLER' }])
      : { errors: [{ message: 'boom', extensions: { classification: 'INTERNAL_ERROR' } }] }))
    const page = open(f.recorded())
    await flush()
    expect(inSuggestions(page, '.rl-failed')).toBe('推荐加载失败，点击重试')
    expect(text(page, '.paid')).toBe('¥175')
    up = true
    page.querySelector('#suggestions').querySelector('.rl-failed').dispatchEvent('tap')
    await flush()
    expect(suggestions(page)).toEqual([['可颂', '本店热销']])
  })

  test('aGuestOrderSuggestsNothingAndAsksNothing', async () => {
    const page = open(f.recorded({ member: null }))
    await flush()
    expect(page.querySelector('#suggestions')).toBeFalsy()
    expect(wx.__server.calls('StaffMemberRecommendations')).toHaveLength(0)
  })
})
