/** The points adjustment form: a whole number of points, added or taken (+/-), and a reason. */
const format = require('../../lib/format')

const MAX_REASON = 200

/**
 * form: { sign: '+'|'-', points (text), reason }; balance: the member's balance.
 * Returns { errors } keyed by points, reason (empty when fine) and the signed delta.
 */
function validate(form, balance) {
  const errors = {}
  const text = String(form.points || '').trim()
  let delta = 0
  if (!/^\d+$/.test(text) || Number(text) === 0) {
    errors.points = '请输入大于 0 的整数积分'
  } else {
    delta = (form.sign === '-' ? -1 : 1) * Number(text)
    if (delta < 0 && -delta > Math.max(0, Number(balance || 0))) {
      errors.points = `会员只有 ${format.points(Math.max(0, Number(balance || 0)))} 积分，不能扣减 ${format.points(-delta)}`
    }
  }
  const reason = String(form.reason || '').trim()
  if (!reason) errors.reason = '请填写调整原因'
  else if (reason.length > MAX_REASON) errors.reason = `调整原因最多 ${MAX_REASON} 字`
  return { errors, delta: Object.keys(errors).length ? 0 : delta, reason }
}

module.exports = { validate, MAX_REASON }
