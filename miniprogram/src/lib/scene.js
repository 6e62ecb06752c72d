/**
 * What opened the mini-program. A mini-program code carries a scene (at most 32 characters,
 * URL-encoded in `query.scene`): `i=<inviteCode>` for a friend's invitation, `s=<storeId>` for a
 * store's counter code. A shared card carries `?inviter=<code>` instead.
 */

/** Parses a scene such as "i=AB12CD34" or "s=12" (pairs joined by &); unknown keys are ignored. */
function parse(rawScene) {
  const result = { inviterCode: '', storeId: '' }
  if (!rawScene) return result
  let scene
  try {
    scene = decodeURIComponent(String(rawScene))
  } catch (e) {
    return result
  }
  scene.split('&').forEach(pair => {
    const at = pair.indexOf('=')
    if (at < 0) return
    const key = pair.slice(0, at).trim()
    const value = pair.slice(at + 1).trim()
    if (key === 'i' && /^[A-Za-z0-9]{1,16}$/.test(value)) result.inviterCode = value.toUpperCase()
    if (key === 's' && /^[0-9]{1,18}$/.test(value)) result.storeId = value
  })
  return result
}

/**
 * The inviter and store from a page's or the app's launch query: the code's scene, or the share
 * link's `inviter`.
 */
function fromQuery(query) {
  const q = query || {}
  const opened = parse(q.scene)
  if (!opened.inviterCode && q.inviter && /^[A-Za-z0-9]{1,16}$/.test(String(q.inviter))) {
    opened.inviterCode = String(q.inviter).toUpperCase()
  }
  return opened
}

module.exports = { parse, fromQuery }
