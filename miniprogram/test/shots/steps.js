/**
 * Steps the pictures' table (./table.js) uses to bring a page into a state: what a member or a
 * clerk would do on the page, against the dev backend. Each takes the open page and the run's
 * context ({ wx, client, session, loadPage, settle }).
 */
const { MEMBER_CODE } = require('../../src/api/documents/membercode')
const { COUPON_CENTRE, CLAIM_COUPON } = require('../../src/api/documents/coupon')
const { MALL_GOODS } = require('../../src/api/documents/mall')
const { tap, type, blur } = require('../support/page')

/** The member's (this run's wx.login member) code, scanned at the till or the adjust page. */
async function scanMember(page, { wx, client, settle }) {
  const code = (await client.request(MEMBER_CODE)).memberCode.token
  wx.scanCode.mockImplementation(options => options.success({ result: code, scanType: 'QR_CODE' }))
  tap(page, '.scan-button')
  await settle()
}

/** A purchase of ¥128.50 recorded at the till for the scanned member; the result page comes next. */
async function recordPurchase(page, context) {
  await scanMember(page, context)
  type(page, '.amount', '128.50')
  blur(page, '.amount')
  await context.settle()
  type(page, '.order-no', `SHOT-${Date.now().toString(36)}`)
  tap(page, '.submit-button')
  await context.settle()
}

/** Before the result page opens: the clerk records a purchase at the till (it hands the result over). */
async function purchaseAtTheTill(context) {
  const till = context.loadPage('staff/till/index')
  await till.instance.onLoad({})
  await context.settle()
  await recordPurchase(till, context)
  if (till.instance.onUnload) till.instance.onUnload()
  till.detach()
}

/** The purchase the till just handed to the result page (the page modules of this picture's run). */
function takeRecordedPurchase() {
  return require('../../src/staff/lib/handoff').take('purchase').purchase
}

/** Before the staff order page opens: a purchase recorded at the till, handed to the order page. */
async function orderRecordedAtTheTill(context) {
  await purchaseAtTheTill(context)
  require('../../src/staff/lib/handoff').put('order', { id: takeRecordedPurchase().id })
}

/** Before the member's order page opens: a purchase recorded at the till for them; the page's query names it. */
async function myRecordedOrder(context) {
  await purchaseAtTheTill(context)
  context.query = { id: takeRecordedPurchase().id }
}

/**
 * Before the welcome page opens: a friend is invited by this run's member (alice); the page opens
 * with alice's invite code and nobody signed in, as on the friend's phone.
 */
async function invitedByAlice(context) {
  const { INVITE_PAGE } = require('../../src/api/documents/referral')
  const data = await context.client.request(INVITE_PAGE, { first: 1 })
  context.session.clear('member')
  context.query = { inviter: data.me.inviteCode }
}

/** Before the page opens: the member tapped 退出登录 (the app stays signed out until they sign in). */
async function signedOut({ session }) {
  session.markSignedOut({ reason: 'SIGNED_OUT' })
}

/** Before the page opens: the member closed their account; it is erased in 7 days unless they cancel. */
async function closing({ session }) {
  const closesAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString()
  session.markSignedOut({ reason: 'ACCOUNT_CLOSURE_PENDING', closesAt })
}

/** Before the staff login opens: the clerk signed in with a temporary password (an admin reset it). */
async function passwordReset({ session }) {
  session.save('staff', Object.assign({}, session.get('staff'), { mustChangePassword: true }))
}

/** Before the page opens: the member claims every coupon the coupon centre offers (once each). */
async function claimCoupons({ client }) {
  const centre = (await client.request(COUPON_CENTRE)).couponCentre
  for (const offer of centre.filter(o => o.available)) {
    await client.mutate(CLAIM_COUPON, { input: { templateId: offer.template.id, idempotencyKey: `shots-claim-${offer.template.id}` } })
  }
}

/** Opens the first item of the demo mall (its id as the page's query). */
async function firstMallItem(context) {
  const shelf = (await context.client.request(MALL_GOODS, { first: 1 })).mallGoods
  context.query = { id: shelf.edges.length ? shelf.edges[0].node.id : '0' }
}

/** Taps `selector` and waits for the page to settle (e.g. a tab or the edit button). */
const tapOn = selector => async (page, { settle }) => {
  tap(page, selector)
  await settle()
}

/** Before the event page opens: the first event listed for this run's member. */
async function firstEventForMe(context) {
  const { EVENTS_FOR_ME } = require('../../src/api/documents/events')
  const data = await context.client.request(EVENTS_FOR_ME, { first: 1 })
  const edge = data.eventsForMe.edges[0]
  context.query = { id: edge ? edge.node.id : '0' }
}

/** One draw in the running lottery (the member's draws then have a line). */
async function drawOnce({ client }) {
  const { LOTTERY, DRAW_LOTTERY } = require('../../src/api/documents/lottery')
  const lottery = (await client.request(LOTTERY, {})).lotteryForMember
  if (lottery && lottery.drawsLeftToday > 0) {
    await client.mutate(DRAW_LOTTERY, { input: { lotteryId: lottery.id, idempotencyKey: `shots-draw-${lottery.id}` } })
  }
}

module.exports = { firstEventForMe, scanMember, recordPurchase, purchaseAtTheTill, orderRecordedAtTheTill, myRecordedOrder, invitedByAlice,
  signedOut, closing, passwordReset, claimCoupons, tapOn, firstMallItem, drawOnce }
