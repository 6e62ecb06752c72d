/**
 * The signed-out block pages show instead of their content after 退出登录 or while the account is
 * closing: what it says and which button it offers. The app never signs such a member in by itself.
 */
const { date } = require('./format')

/** "账户将于2026-11-30注销" (China date of closesAt). */
function closingText(closesAt) {
  return `账户将于${date(closesAt)}注销`
}

/** The block while the account is closing: the erase date and 撤销注销并登录. */
function closingState(closesAt) {
  return { closing: true, closesAt: closesAt || null, text: closesAt ? closingText(closesAt) : '账户正在注销中' }
}

/**
 * The block for an error of a request, or null when the error is not about being signed out:
 * SIGNED_OUT → 登录; ACCOUNT_CLOSURE_PENDING → the erase date and 撤销注销并登录.
 */
function signInState(error) {
  if (!error) return null
  if (error.code === 'SIGNED_OUT') return { closing: false, closesAt: null, text: '你已退出登录' }
  if (error.code === 'ACCOUNT_CLOSURE_PENDING') return closingState(error.closesAt)
  return null
}

module.exports = { closingText, closingState, signInState }
