/**
 * THE TABLE OF PICTURES: one entry per page and state, taken by scripts/miniprogram-shots into
 * docs/miniprogram/<name>-<state>.png (name: the page's path without "pages/" and "/index",
 * slashes as dashes: card-loaded.png, staff-till-member.png). Every page of src/app.json needs at
 * least one entry (test/shots-table.test.js fails otherwise), so a new page is one line here:
 *
 *   { page: 'pages/wallet/index', state: 'loaded' },
 *
 * Fields (all but page and state optional):
 *   page     the page's path as in app.json ("pages/card/index", "staff/till/index")
 *   state    loaded | empty | error | signed-out | ... (any word; it names the picture)
 *   member   who wx.login signs in: a demo member ('alice', default) or NEW (a member registered
 *            by this run, with nothing yet: the empty states)
 *   staff    a demo staff username ('clerk-xuhui', 'manager-xuhui'; password demo-password)
 *            signed in before the page opens
 *   fail     true: every request but the sign-ins fails as when the network is down (error states)
 *   query    the page's onLoad query, e.g. { id: '12' }
 *   before   async (context) => ...: runs before the page opens (e.g. record a purchase whose
 *            result the page shows); context: { wx, client, session, loadPage, settle }; it may
 *            set context.query (the onLoad query, e.g. the id of the order it recorded)
 *   after    async (page, context) => ...: runs on the open page (taps, typing; see ./steps.js)
 * The page opens with onLoad(query) and onShow(); the picture is taken once no request has been
 * running for a moment, with the last toast or modal drawn over it.
 */
const { firstEventForMe, scanMember, purchaseAtTheTill, orderRecordedAtTheTill, myRecordedOrder, invitedByAlice, signedOut,
  closing, passwordReset, claimCoupons, tapOn, firstMallItem, drawOnce } = require('./steps')

/** A member registered by this run: no points, coupons, check-ins or invitations yet. */
const NEW = 'new'

const CLERK = 'clerk-xuhui'
const MANAGER = 'manager-xuhui'

const SHOTS = [
  // member pages (tabs first)
  { page: 'pages/card/index', state: 'loaded' },
  { page: 'pages/card/index', state: 'empty', member: NEW },
  { page: 'pages/card/index', state: 'error', fail: true },
  { page: 'pages/card/index', state: 'code', after: tapOn('.open-code') },
  { page: 'pages/card/index', state: 'signed-out', before: signedOut },
  { page: 'pages/card/index', state: 'closing', before: closing },
  { page: 'pages/stamps/index', state: 'loaded', staff: CLERK, before: purchaseAtTheTill },
  { page: 'pages/stamps/index', state: 'new-member', member: NEW },
  { page: 'pages/stamps/index', state: 'error', fail: true },
  { page: 'pages/checkin/index', state: 'loaded' },
  { page: 'pages/checkin/index', state: 'checked-in', after: tapOn('.checkin-button') },
  { page: 'pages/checkin/index', state: 'error', fail: true },
  { page: 'pages/coupons/index', state: 'loaded', before: claimCoupons },
  { page: 'pages/coupons/index', state: 'empty', member: NEW },
  { page: 'pages/coupons/index', state: 'error', fail: true },
  { page: 'pages/mine/index', state: 'loaded' },
  { page: 'pages/mine/index', state: 'new-member', member: NEW },
  { page: 'pages/mine/index', state: 'editing', after: tapOn('.edit') },
  { page: 'pages/mine/index', state: 'error', fail: true },
  { page: 'pages/mine/index', state: 'signed-out', before: signedOut },
  { page: 'pages/points/index', state: 'loaded' },
  { page: 'pages/points/index', state: 'empty', member: NEW },
  { page: 'pages/points/index', state: 'error', fail: true },
  { page: 'pages/rules/index', state: 'loaded' },
  { page: 'pages/rules/index', state: 'error', fail: true },
  { page: 'pages/mall/index', state: 'loaded' },
  { page: 'pages/mall/index', state: 'error', fail: true },
  { page: 'pages/mall-item/index', state: 'loaded', before: firstMallItem },
  { page: 'pages/mall-item/index', state: 'quantity', before: firstMallItem, after: tapOn('.more') },
  { page: 'pages/mall-item/index', state: 'error', fail: true, query: { id: '1' } },
  { page: 'pages/mall-redemptions/index', state: 'loaded' },
  { page: 'pages/mall-redemptions/index', state: 'empty', member: NEW },
  { page: 'pages/mall-redemptions/index', state: 'error', fail: true },
  { page: 'pages/coupon-centre/index', state: 'loaded' },
  // a new member (普通) waits for the demo's early-access coupon: 「X月X日 10:00 开放」
  { page: 'pages/coupon-centre/index', state: 'early-waiting', member: NEW },
  { page: 'pages/coupon-centre/index', state: 'error', fail: true },
  { page: 'pages/invite/index', state: 'loaded' },
  { page: 'pages/invite/index', state: 'error', fail: true },
  { page: 'pages/leaderboard/index', state: 'loaded' },
  { page: 'pages/leaderboard/index', state: 'error', fail: true },
  { page: 'pages/lottery/index', state: 'loaded' },
  { page: 'pages/lottery/index', state: 'drawn', after: tapOn('.draw') },
  { page: 'pages/lottery/index', state: 'error', fail: true },
  { page: 'pages/lottery-draws/index', state: 'loaded', before: drawOnce },
  { page: 'pages/lottery-draws/index', state: 'empty', member: NEW },
  { page: 'pages/lottery-draws/index', state: 'error', fail: true },
  { page: 'pages/privacy/index', state: 'loaded' },
  { page: 'pages/privacy/index', state: 'error', fail: true },
  { page: 'pages/wallet/index', state: 'loaded' },
  { page: 'pages/wallet/index', state: 'empty', member: NEW },
  { page: 'pages/wallet/index', state: 'error', fail: true },
  { page: 'pages/wallet-history/index', state: 'loaded' },
  { page: 'pages/wallet-history/index', state: 'empty', member: NEW },
  { page: 'pages/wallet-history/index', state: 'error', fail: true },
  { page: 'pages/orders/index', state: 'loaded', staff: CLERK, before: purchaseAtTheTill },
  { page: 'pages/orders/index', state: 'empty', member: NEW },
  { page: 'pages/orders/index', state: 'error', fail: true },
  { page: 'pages/order/index', state: 'loaded', staff: CLERK, before: myRecordedOrder },
  { page: 'pages/order/index', state: 'not-found' },
  { page: 'pages/events/index', state: 'loaded' },
  { page: 'pages/events/index', state: 'error', fail: true },
  { page: 'pages/event/index', state: 'loaded', before: firstEventForMe },
  { page: 'pages/event/index', state: 'not-found', query: { id: '0' } },
  { page: 'pages/my-events/index', state: 'loaded' },
  { page: 'pages/my-events/index', state: 'ticket', after: tapOn('.ticket-button') },
  { page: 'pages/my-events/index', state: 'empty', member: NEW },
  { page: 'pages/welcome/index', state: 'invited', before: invitedByAlice },
  { page: 'pages/welcome/index', state: 'not-found', query: { inviter: 'NOSUCHCODE' } },
  // staff subpackage
  { page: 'staff/login/index', state: 'signed-out' },
  { page: 'staff/login/index', state: 'change-password', staff: CLERK, before: passwordReset },
  { page: 'staff/till/index', state: 'loaded', staff: CLERK },
  { page: 'staff/till/index', state: 'member', staff: CLERK, after: scanMember },
  { page: 'staff/till/index', state: 'error', staff: CLERK, fail: true },
  { page: 'staff/result/index', state: 'loaded', staff: CLERK, before: purchaseAtTheTill },
  { page: 'staff/result/index', state: 'empty', staff: CLERK },
  { page: 'staff/refund/index', state: 'loaded', staff: CLERK },
  { page: 'staff/orders/index', state: 'loaded', staff: CLERK, before: purchaseAtTheTill },
  { page: 'staff/orders/index', state: 'error', staff: CLERK, fail: true },
  { page: 'staff/order/index', state: 'loaded', staff: CLERK, before: orderRecordedAtTheTill },
  { page: 'staff/recharge/index', state: 'loaded', staff: CLERK },
  { page: 'staff/pickup/index', state: 'loaded', staff: CLERK },
  { page: 'staff/adjust/index', state: 'loaded', staff: MANAGER, after: scanMember },
  { page: 'staff/adjust/index', state: 'clerk', staff: CLERK },
  { page: 'staff/manager/index', state: 'loaded', staff: MANAGER },
  { page: 'staff/manager/index', state: 'clerk', staff: CLERK },
  { page: 'staff/manager/index', state: 'error', staff: MANAGER, fail: true },
  { page: 'staff/events/index', state: 'loaded', staff: CLERK },
  { page: 'staff/events/index', state: 'checked-in', staff: CLERK, after: scanMember },
  { page: 'staff/events/index', state: 'error', staff: CLERK, fail: true }
]

/** The picture's file name: "pages/card/index" + "loaded" → "card-loaded.png". */
function fileName(shot) {
  return `${shot.page.replace(/^pages\//, '').replace(/\/index$/, '').replace(/\//g, '-')}-${shot.state}.png`
}

module.exports = { SHOTS, NEW, fileName }
