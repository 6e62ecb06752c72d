/** The one error type the API layer throws, with a message fit to show to the person. */

const MESSAGES = {
  NETWORK: '网络不给力，请检查网络后重试',
  SERVER: '服务开小差了，请稍后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  SIGNED_OUT: '你已退出登录，请登录后使用',
  FORBIDDEN: '没有权限进行此操作',
  BAD_REQUEST: '请求有误，请升级小程序后重试'
}

class ApiError extends Error {
  /**
   * @param {string} code  a backend ErrorCode (userErrors), or NETWORK, SERVER, UNAUTHENTICATED,
   *                       FORBIDDEN, BAD_REQUEST, SIGNED_OUT (the member signed out on purpose)
   * @param {string} [message] Chinese text for the person; defaults by code
   * @param {object} [extra] { field, userErrors }
   */
  constructor(code, message, extra = {}) {
    super(message || MESSAGES[code] || MESSAGES.SERVER)
    this.name = 'ApiError'
    this.code = code
    this.field = extra.field || []
    this.userErrors = extra.userErrors || []
  }

  /** The error for a payload's userErrors: the first message leads, the rest follow. */
  static fromUserErrors(userErrors) {
    const message = userErrors.map(e => e.message).join('；')
    return new ApiError(userErrors[0].code, message, { field: userErrors[0].field, userErrors })
  }

  /** The error for GraphQL `errors`, classified by extensions.classification. */
  static fromGraphQlErrors(errors) {
    const classification = (errors[0].extensions || {}).classification
    if (classification === 'UNAUTHENTICATED') return new ApiError('UNAUTHENTICATED')
    if (classification === 'FORBIDDEN') return new ApiError('FORBIDDEN')
    if (classification === 'ValidationError' || classification === 'InvalidSyntax') return new ApiError('BAD_REQUEST')
    if (classification === 'BAD_REQUEST') return new ApiError('BAD_REQUEST', errors[0].message)
    return new ApiError('SERVER')
  }
}

const STAFF_LOGIN_PAGE = '/staff/login/index'

/**
 * Shows an error as a toast (long messages as a modal); anything else is shown as a server
 * error. A staff sign-in that cannot be renewed goes back to the staff login page.
 */
function showError(error) {
  if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && error.kind === 'staff') {
    wx.reLaunch({ url: STAFF_LOGIN_PAGE })
    return
  }
  const message = error instanceof ApiError ? error.message : MESSAGES.SERVER
  if (message.length > 14) {
    wx.showModal({ title: '提示', content: message, showCancel: false })
  } else {
    wx.showToast({ title: message, icon: 'none' })
  }
}

module.exports = { ApiError, showError, MESSAGES }
