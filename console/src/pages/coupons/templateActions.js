/** What the signed-in staff member may change of a template or pack, and archiving with a confirmation. */
import { ElMessageBox } from 'element-plus'
import { session } from '../../api/session.js'

/**
 * Marketers and admins change any template; a store manager only those limited to their own store
 * (the API answers FORBIDDEN for a brand-wide one, so the buttons are not offered).
 */
export function mayChangeTemplate(template) {
  const staff = session.staff
  if (!staff) return false
  if (staff.role !== 'STORE_MANAGER') return true
  return !!template.storeIds && template.storeIds.length === 1 && template.storeIds[0] === staff.storeId
}

/** A pack: a store manager only one made of coupons limited to their store (all its templates). */
export function mayChangePack(pack, templatesById) {
  const staff = session.staff
  if (!staff) return false
  if (staff.role !== 'STORE_MANAGER') return true
  return pack.items.every(i => templatesById[i.templateId] && mayChangeTemplate(templatesById[i.templateId]))
}

/** Asks before archiving; true when confirmed. */
export async function confirmArchive(what, name) {
  try {
    await ElMessageBox.confirm(`下架后「${name}」不能再领取、兑换或发放；会员已持有的券仍可在门店使用。可随时恢复。`,
      `下架${what}`, { confirmButtonText: '下架', cancelButtonText: '取消', type: 'warning' })
    return true
  } catch (e) {
    return false
  }
}
