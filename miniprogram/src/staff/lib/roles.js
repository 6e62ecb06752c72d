/** What each staff role may see on the staff pages (the backend enforces the same). */
const session = require('../../api/session')

const NAMES = { CLERK: '店员', STORE_MANAGER: '店长', MARKETER: '市场', ADMIN: '管理员' }

/** "店员" / "店长" / "市场" / "管理员". */
function roleName(role) {
  return NAMES[role] || '员工'
}

/** Adjusting points by hand: managers (and the brand's admin), never clerks. */
function canAdjustPoints(role) {
  return role === 'STORE_MANAGER' || role === 'ADMIN'
}

/** The manager page (today's numbers, follow-up calls): managers and the admin. */
function canSeeManager(role) {
  return role === 'STORE_MANAGER' || role === 'ADMIN'
}

/** An admin belongs to no store, so store pages make them pick one. */
function needsStoreChoice(role) {
  return role === 'ADMIN'
}

const LOGIN = '/staff/login/index'

/**
 * The signed-in staff member ({ id, role, storeId, ... }) for a staff page's onLoad; without a
 * staff sign-in the page is replaced by the staff login page and null is returned.
 */
function signedInStaff() {
  const signedIn = session.get('staff')
  if (!signedIn) {
    wx.reLaunch({ url: LOGIN })
    return null
  }
  return signedIn.staff || {}
}

module.exports = { LOGIN, roleName, canAdjustPoints, canSeeManager, needsStoreChoice, signedInStaff }
