/** Words and rules the stamp-card and tier-benefit pages share. */
export const STATUS_NAMES = { ACTIVE: '进行中', PAUSED: '已暂停', STOPPED: '已停止' }

/** May this staff member change the card: marketers and admins any, a store manager their own store's. */
export function mayRun(card, staff) {
  if (!staff) return false
  return staff.role === 'STORE_MANAGER' ? card.storeId != null && card.storeId === staff.storeId : ['MARKETER', 'ADMIN'].includes(staff.role)
}

/** "30" or "29.5" yuan as cents; NaN for anything else. */
export function parseYuan(text) {
  const t = String(text).trim()
  return /^\d{1,9}(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : NaN
}
