/** Chinese names of the member event enums, shared by the event pages. */
export const STATUS = { DRAFT: '草稿', PUBLISHED: '报名中', PAUSED: '暂停报名', CANCELLED: '已取消', FINISHED: '已结束' }
export const STATUS_TAG = { DRAFT: 'info', PUBLISHED: 'success', PAUSED: 'warning', CANCELLED: 'danger', FINISHED: 'info' }
export const STATUSES = Object.keys(STATUS)
export const SIGN_UP_STATUS = { CONFIRMED: '已报名', WAITING: '候补', CANCELLED: '已取消' }
export const SIGN_UP_TAG = { CONFIRMED: 'success', WAITING: 'warning', CANCELLED: 'info' }
