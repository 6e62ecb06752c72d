/** Display formats: money is integer cents; times are shown in the brand's zone (Asia/Shanghai). */
export const ZONE = 'Asia/Shanghai'

export function money(cents) {
  if (cents === null || cents === undefined) return '—'
  const sign = cents < 0 ? '-' : ''
  return `${sign}¥${(Math.abs(cents) / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
}

export function yuan(cents) {
  return cents === null || cents === undefined ? null : Math.round(cents) / 100
}

export function dateTime(iso) {
  if (!iso) return '—'
  return new Date(iso).toLocaleString('zh-CN', { timeZone: ZONE, hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
}

export function date(iso) {
  if (!iso) return '—'
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso
  return new Date(iso).toLocaleDateString('zh-CN', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
}

export function percent(ratio, digits = 1) {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—'
  return `${(ratio * 100).toFixed(digits)}%`
}

/** Today in the brand's zone as YYYY-MM-DD, and n days before. */
export function today(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000)
  return d.toLocaleDateString('sv-SE', { timeZone: ZONE })
}

export const ROLE_NAMES = { CLERK: '店员', STORE_MANAGER: '店长', MARKETER: '市场', ADMIN: '管理员' }

/**
 * A staff member a record names (StaffRef: who scheduled, asked, decided): display name with the
 * username, or the username; `员工 #id` when the account is not known; `fallback` without an id.
 */
export function staffName(ref, id, fallback = '—') {
  if (ref) return ref.displayName ? `${ref.displayName}（${ref.username}）` : ref.username
  return id ? `员工 #${id}` : fallback
}

/**
 * Where the console shows a picture from: a picture uploaded here (`<public-url>/media/<key>`) from
 * this origin's /media/<key>, whatever public address it was handed out with (the console's
 * Content-Security-Policy shows pictures of this origin only); null for a picture hosted elsewhere,
 * which the console links to instead of showing.
 */
export function pictureSrc(url) {
  const match = /^https?:\/\/[^?#\s]+?(\/media\/[A-Za-z0-9_-]{43}\.(?:jpg|png))$/.exec(url || '')
  return match ? match[1] : null
}
