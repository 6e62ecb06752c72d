/**
 * Message subscriptions: what each subscribe template is for, which ones to ask for in one
 * wx.requestSubscribeMessage (WeChat shows at most 3), and which the member accepted.
 */

const MAX_PER_REQUEST = 3

const PURPOSES = {
  POINTS_EXPIRING: { title: '积分到期提醒', description: '积分到期前提醒你及时使用' },
  COUPON_EXPIRING: { title: '优惠券到期提醒', description: '优惠券到期前3天提醒你' },
  DORMANT_30: { title: '好久不见提醒', description: '一段时间没来时，告诉你可用的积分和优惠券' },
  DORMANT_60: { title: '回归礼遇提醒', description: '较长时间没来时，告诉你为你准备的礼遇' },
  BIRTHDAY: { title: '生日礼遇提醒', description: '生日时送上祝福和生日礼' },
  REPURCHASE: { title: '补货提醒', description: '常买的商品该补货时提醒你' }
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

/** The templates to ask for in one request: those with the fewest consents left first, at most 3. */
function pick(templates, max = MAX_PER_REQUEST) {
  return templates
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.remainingConsents - b.t.remainingConsents || a.i - b.i)
    .slice(0, max)
    .map(x => x.t.templateId)
}

/** The ids the member answered 'accept' for in wx.requestSubscribeMessage's result. */
function accepted(result, templateIds) {
  return templateIds.filter(id => result && result[id] === 'accept')
}

module.exports = { MAX_PER_REQUEST, PURPOSES, templateView, pick, accepted }
