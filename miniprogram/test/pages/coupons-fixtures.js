/** Coupon templates and coupon-card reading shared by the coupons and coupon-centre page tests. */

function template(over) {
  return Object.assign({ id: 't1', name: '茶饮满减券', kind: 'AMOUNT_OFF', amountOffCents: 5000, thresholdCents: 20000,
    percentOff: null, maxDiscountCents: null, giftName: null, validFrom: null, validUntil: null, validDays: 30,
    remainingStock: null, perMemberLimit: 1, minTierLevel: 0, storeIds: null, categories: null, channel: 'BOTH',
    stackable: true, claimable: true, pointsPrice: null }, over)
}

/** The text of one part (e.g. '.description') of every <coupon-card class="coupon">. */
function cardTexts(page, part) {
  return page.querySelectorAll('.coupon').map(card => {
    const el = card.querySelector(part)
    return el ? el.dom.textContent.replace(/\s+/g, ' ').trim() : null
  })
}

/** Every text of one part of a card, e.g. all its '.limit' lines. */
function cardAll(page, part, index = 0) {
  const card = page.querySelectorAll('.coupon')[index]
  return card.querySelectorAll(part).map(el => el.dom.textContent.trim())
}

module.exports = { template, cardTexts, cardAll }
