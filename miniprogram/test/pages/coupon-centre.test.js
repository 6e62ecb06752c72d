/** The coupon centre: claim free coupons, exchange points for coupons, and say why one cannot be had. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const session = require('../../src/api/session')

function template(over) {
  return Object.assign({ id: 't1', name: '茶饮满减券', kind: 'AMOUNT_OFF', amountOffCents: 5000, thresholdCents: 20000,
    percentOff: null, maxDiscountCents: null, giftName: null, validFrom: null, validUntil: null, validDays: 30,
    remainingStock: 10, perMemberLimit: 1, minTierLevel: 0, storeIds: null, categories: null, channel: 'BOTH',
    stackable: true, claimable: true, pointsPrice: null }, over)
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))

test('probe', async () => {
  wx.__server.on('CouponCentre', () => ({ couponCentre: [{ template: template(), held: 0, available: true }],
    tiers: [{ level: 0, name: '普通' }], me: { id: '1', pointsBalance: 1200 } }))
  const page = loadPage('pages/coupon-centre/index')
  await page.instance.onLoad({})
  await flush()
  console.log(page.dom.innerHTML)
  console.log(texts(page, '.get')); const c = page.querySelector('.coupon-t1'); console.log(c && c.querySelector && c.querySelector('.description') && c.querySelector('.description').dom.textContent)
})
