/** The store an admin works on from the staff pages (clerks and managers have their own store). */
const roles = require('./roles')

const KEY = 'loyalty.staff.storeId'

function get() {
  return wx.getStorageSync(KEY) || null
}

function set(storeId) {
  if (storeId) wx.setStorageSync(KEY, storeId)
  else wx.removeStorageSync(KEY)
}

/** The storeId to send for this role: the admin's choice, nothing for store staff. */
function storeIdFor(role) {
  return roles.needsStoreChoice(role) ? get() : null
}

module.exports = { get, set, storeIdFor, KEY }
