/** The one error type the console's API layer throws, with a Chinese message fit to show. */

const MESSAGES = {
  NETWORK: '网络连接失败，请检查网络后重试',
  SERVER: '服务暂时不可用，请稍后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_ALLOWED_FOR_ROLE: '你的角色不能进行此操作',
  BAD_REQUEST: '请求有误，请刷新页面后重试',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码'
}

export class ApiError extends Error {
  /**
   * @param {string} code a backend ErrorCode (from userErrors) or NETWORK, SERVER, UNAUTHENTICATED,
   *   FORBIDDEN, BAD_REQUEST, NOT_ALLOWED_FOR_ROLE (the console refused to send it)
   * @param {string} [message] Chinese text; defaults by code
   * @param {object} [extra] { field, userErrors }
   */
  constructor(code, message, extra = {}) {
    super(message || MESSAGES[code] || MESSAGES.SERVER)
    this.name = 'ApiError'
    this.code = code
    this.field = extra.field || []
    this.userErrors = extra.userErrors || []
  }

  /** A payload's userErrors: the messages joined, the first one's code and field. */
  static fromUserErrors(userErrors) {
    return new ApiError(userErrors[0].code, userErrors.map(e => e.message).join('；'),
      { field: userErrors[0].field, userErrors })
  }

  /** GraphQL `errors`, by extensions.code or extensions.classification. */
  static fromGraphQlErrors(errors) {
    const extensions = errors[0].extensions || {}
    const kind = extensions.code || extensions.classification
    if (kind === 'UNAUTHENTICATED' || kind === 'FORBIDDEN') return new ApiError(kind)
    if (kind === 'PASSWORD_CHANGE_REQUIRED') return new ApiError(kind)
    if (kind === 'ValidationError' || kind === 'InvalidSyntax') return new ApiError('BAD_REQUEST')
    if (kind === 'BAD_REQUEST') return new ApiError('BAD_REQUEST', errors[0].message)
    if (kind && /^[A-Z_]+$/.test(kind) && kind !== 'INTERNAL_ERROR') return new ApiError(kind, errors[0].message)
    return new ApiError('SERVER')
  }
}

/** What to show for any thrown value. */
export function messageOf(error) {
  return error instanceof ApiError ? error.message : MESSAGES.SERVER
}
