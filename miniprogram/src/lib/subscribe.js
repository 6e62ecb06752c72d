/**
 * Message subscriptions: what each subscribe template is for, which ones the app may ask for, which
 * to ask for in one wx.requestSubscribeMessage (WeChat shows at most 3), and which the member accepted.
 *
 * WeChat's rule for one-time subscription messages (一次性订阅消息): each accepted template allows one
 * message about something the member triggered and expects, about their own account (their points
 * expiring, their own coupon expiring). Never marketing or campaign messages (wake-up offers, gifts,
 * "time to buy again"): those go only through the channels the member gave marketing consent for.
 * So every purpose states its kind, and only SERVICE purposes are ever asked for; MARKETING and
 * purposes this version does not know are refused (not listed, never requested).
 *
 * Pages ask where the member does the thing a notice is about: 我的 for the reminders, an event's
 * 报名 for EVENT_UPDATE (ask() inside the tap, then record() what was accepted).
 */
const client = require('../api/client')
const { GRANT_SUBSCRIBE_CONSENT } = require('../api/documents/notify')

const MAX_PER_REQUEST = 3

const SERVICE = 'SERVICE'
const MARKETING = 'MARKETING'

const PURPOSES = {
  POINTS_EXPIRING: { kind: SERVICE, title: '积分到期提醒', description: '你的积分到期前提醒你及时使用' },
  COUPON_EXPIRING: { kind: SERVICE, title: '优惠券到期提醒', description: '你领到的优惠券到期前3天提醒你' },
  EVENT_UPDATE: { kind: SERVICE, title: '活动报名通知', description: '你报名的活动候补转正或取消时通知你' },
  // not triggered by the member: wake-up offers, gifts and buy-again nudges are marketing
  DORMANT_30: { kind: MARKETING, title: '好久不见提醒', description: '一段时间没来时，告诉你可用的积分和优惠券' },
  DORMANT_60: { kind: MARKETING, title: '回归礼遇提醒', description: '较长时间没来时，告诉你为你准备的礼遇' },
  BIRTHDAY: { kind: MARKETING, title: '生日礼遇提醒', description: '生日时送上祝福和生日礼' },
  REPURCHASE: { kind: MARKETING, title: '补货提醒', description: '常买的商品该补货时提醒你' }
}

/** Whether a one-time subscription may be asked for this purpose: only known SERVICE purposes. */
function mayAskOnce(purpose) {
  return !!PURPOSES[purpose] && PURPOSES[purpose].kind === SERVICE
}

/** The templates the app may ask the member for, in the backend's order. */
function askable(templates) {
  return templates.filter(t => mayAskOnce(t.purpose))
}

/** One template as listed: its title, what it is for, and how many messages it may still bring. */
function templateView(template) {
  const known = PURPOSES[template.purpose] || { title: '消息提醒', description: template.purpose }
  return {
    templateId: template.templateId,
    title: known.title,
    description: known.description,
    remaining: template.remainingConsents > 0 ? `还可接收${template.remainingConsents}条` : '未订阅'
  }
}

/** The templates to ask for in one request: askable ones only, the fewest consents left first, at most 3. */
function pick(templates, max = MAX_PER_REQUEST) {
  return askable(templates)
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.remainingConsents - b.t.remainingConsents || a.i - b.i)
    .slice(0, max)
    .map(x => x.t.templateId)
}

/**
 * The last check before wx.requestSubscribeMessage: throws when any id belongs to a purpose that
 * may not be asked for once (marketing, or unknown), so such a request can never be sent.
 */
function checkOneTime(templates, templateIds) {
  for (const id of templateIds) {
    const template = templates.find(t => t.templateId === id)
    if (!template || !mayAskOnce(template.purpose)) {
      throw new Error(`一次性订阅消息只能用于会员本人触发的服务通知，不能用于 ${template ? template.purpose : id}`)
    }
  }
  return templateIds
}

/** The ids the member answered 'accept' for in wx.requestSubscribeMessage's result. */
function accepted(result, templateIds) {
  return templateIds.filter(id => result && result[id] === 'accept')
}

/** The templates of these purposes the app may ask for, e.g. forPurposes(templates, ['EVENT_UPDATE']). */
function forPurposes(templates, purposes) {
  return askable(templates).filter(t => purposes.includes(t.purpose))
}

/**
 * Shows WeChat's subscribe dialog for these templates. WeChat shows it only from a tap, so call this
 * in the tap's handler before anything is awaited. Resolves (never rejects) to { accepted: the ids
 * the member accepted, failed: true when WeChat could not ask (notices turned off in settings) }.
 */
function ask(templates, templateIds) {
  checkOneTime(templates, templateIds)
  return new Promise(resolve => {
    wx.requestSubscribeMessage({
      tmplIds: templateIds,
      success: result => resolve({ accepted: accepted(result, templateIds), failed: false }),
      fail: () => resolve({ accepted: [], failed: true })
    })
  })
}

/** Records the accepted templates (one more message each may bring); the templates as they now stand. */
async function record(templateIds) {
  const payload = await client.mutate(GRANT_SUBSCRIBE_CONSENT, { input: { templateIds } })
  return payload.templates
}

module.exports = {
  MAX_PER_REQUEST, SERVICE, MARKETING, PURPOSES, mayAskOnce, askable, templateView, pick, checkOneTime, accepted,
  forPurposes, ask, record
}
