/**
 * The member list's URL: a search (q, by) or a member filter, each MemberFilter field as a query
 * parameter (lists comma-separated), so a segment cell, a saved filter or a shared link opens the
 * same list.
 */

export const LIST_FIELDS = ['tags', 'tiers', 'stages', 'rfmSegments', 'quadrants']
export const SCALAR_FIELDS = ['lastPurchaseBefore', 'lastPurchaseAfter', 'registeredAfter', 'registeredBefore', 'storeId', 'birthdayMonth']
const NUMBER_FIELDS = ['tiers', 'birthdayMonth']

/** The MemberFilter a URL's query names; null when it names none. */
export function filterFromQuery(query) {
  const filter = {}
  for (const field of LIST_FIELDS) {
    const raw = query[field]
    if (!raw) continue
    const values = String(raw).split(',').filter(Boolean)
    filter[field] = NUMBER_FIELDS.includes(field) ? values.map(Number) : values
  }
  for (const field of SCALAR_FIELDS) {
    const raw = query[field]
    if (raw === undefined || raw === null || raw === '') continue
    filter[field] = NUMBER_FIELDS.includes(field) ? Number(raw) : String(raw)
  }
  return Object.keys(filter).length ? filter : null
}

/** The query parameters of a MemberFilter (a saved filter's definition: null fields left out). */
export function queryFromFilter(filter) {
  const query = {}
  for (const field of LIST_FIELDS) {
    if (filter && filter[field] && filter[field].length) query[field] = filter[field].join(',')
  }
  for (const field of SCALAR_FIELDS) {
    if (filter && filter[field] !== null && filter[field] !== undefined && filter[field] !== '') query[field] = String(filter[field])
  }
  return query
}

export const SEARCH_KINDS = [
  { value: 'auto', label: '自动识别' },
  { value: 'phone', label: '手机号' },
  { value: 'code', label: '会员码' },
  { value: 'nickname', label: '昵称' }
]

/**
 * What findMembers is asked for a typed text: 11 digits (spaces, dashes, +86 allowed) are a phone
 * number, 18 digits a typed member code, a long run of letters and digits without spaces a scanned
 * code, anything else part of a nickname; `by` overrides the guess.
 */
export function searchOf(text, by = 'auto') {
  const q = String(text || '').trim()
  if (!q) return null
  if (by === 'phone' || by === 'code' || by === 'nickname') return { [by]: q }
  const compact = q.replace(/[\s-]/g, '')
  if (/^(\+?86)?1\d{10}$/.test(compact)) return { phone: q }
  if (/^\d{18}$/.test(compact)) return { code: compact }
  if (/^[A-Za-z0-9_.~:=+/-]{20,}$/.test(q)) return { code: q }
  return { nickname: q }
}
