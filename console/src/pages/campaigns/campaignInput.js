/**
 * The step form's state and the API's inputs built from it: a campaign's audience (for the live
 * preview and for saving), the create input, and for an edit only the fields that changed (the API
 * keeps fields left out). Editing starts from everything the campaign was set up with.
 */
import { ZONE } from '../../format.js'

/** 'YYYY-MM-DD HH:mm:ss' in the brand's zone (what the pickers hold) from an ISO time. */
export function local(iso) {
  return new Date(iso).toLocaleString('sv-SE', { timeZone: ZONE, hour12: false }).replace('T', ' ')
}

/** An ISO time with the brand's offset from a picker's 'YYYY-MM-DD HH:mm:ss' (China has no DST). */
export function iso(value) {
  return value ? `${value.replace(' ', 'T')}+08:00` : null
}

/** `kept`: conditions the form does not edit (quadrants, registration dates), sent back as they were. */
export function emptyFilter() {
  return { tags: [], tiers: [], stages: [], rfmSegments: [], lastPurchaseBefore: '', lastPurchaseAfter: '', birthdayMonth: null, storeId: '', kept: {} }
}

const KEPT = ['quadrants', 'registeredAfter', 'registeredBefore']

/** The form's filter from a campaign's stored one (MemberFilterDefinition; dates as the pickers hold them). */
export function filterFromCampaign(f) {
  const day = value => (value ? local(value).slice(0, 10) : '')
  const kept = {}
  for (const key of KEPT) if (f[key] !== null && f[key] !== undefined) kept[key] = f[key]
  return {
    tags: f.tags || [], tiers: f.tiers || [], stages: f.stages || [], rfmSegments: f.rfmSegments || [],
    lastPurchaseBefore: day(f.lastPurchaseBefore), lastPurchaseAfter: day(f.lastPurchaseAfter),
    birthdayMonth: f.birthdayMonth ?? null, storeId: f.storeId || '', kept
  }
}

/** A new campaign: starting now, for three months, 10 % held out. */
export function defaults(now = Date.now()) {
  const start = local(now).slice(0, 16) + ':00'
  const end = local(now + 90 * 86400000).slice(0, 10) + ' 23:59:59'
  return {
    name: '', audience: 'EVERYONE', tiers: [], memberIds: [], tagIds: [], stages: [], segments: [],
    topPercent: 20, windowDays: 90, filterMode: 'saved', savedFilterId: '', filter: emptyFilter(),
    kind: 'STANDARD', memberDay: 8, benefit: 'POINTS', packId: '', points: 100, multiplier: 2, controlPercent: 10,
    budget: null, startsAt: start, endsAt: end, recurrence: 'NONE', message: ''
  }
}

/**
 * The form filled from a saved campaign, every field as it was set up: the audience's lists, its
 * filter (a saved filter's definition as the campaign copied it, so shown as set here), pack and points.
 */
export function fromCampaign(c) {
  return {
    ...defaults(), name: c.name, audience: c.audience, topPercent: c.topPercent ?? 20, windowDays: c.windowDays ?? 90,
    tiers: c.tiers || [], memberIds: c.memberIds || [], tagIds: c.tagIds || [], stages: c.stages || [], segments: c.segments || [],
    filterMode: c.filter ? 'inline' : 'saved', filter: c.filter ? filterFromCampaign(c.filter) : emptyFilter(),
    kind: c.kind, memberDay: c.memberDay ?? 8, benefit: c.benefit, packId: c.packId || '', points: c.points ?? null,
    multiplier: c.multiplier ?? 2,
    controlPercent: c.controlPercent, budget: c.budget, startsAt: local(c.startsAt), endsAt: local(c.endsAt),
    recurrence: c.recurrence, message: c.message || ''
  }
}

function filterInput(f) {
  const out = {}
  for (const key of ['tags', 'tiers', 'stages', 'rfmSegments']) if (f[key].length) out[key] = f[key]
  if (f.lastPurchaseBefore) out.lastPurchaseBefore = iso(`${f.lastPurchaseBefore} 00:00:00`)
  if (f.lastPurchaseAfter) out.lastPurchaseAfter = iso(`${f.lastPurchaseAfter} 00:00:00`)
  if (f.birthdayMonth) out.birthdayMonth = f.birthdayMonth
  if (f.storeId) out.storeId = f.storeId
  return { ...out, ...(f.kept || {}) }
}

/** The list each audience needs, as the form names it. */
export const AUDIENCE_LIST = { TIERS: 'tiers', MEMBERS: 'memberIds', TAGS: 'tagIds', STAGES: 'stages', SEGMENTS: 'segments' }

/** CampaignAudienceInput from the form. */
export function audienceInput(form) {
  const input = { audience: form.audience }
  const list = AUDIENCE_LIST[form.audience]
  if (list) input[list] = form[list]
  if (form.audience === 'TOP_SPENDERS') Object.assign(input, { topPercent: form.topPercent, windowDays: form.windowDays })
  if (form.audience === 'FILTER') {
    if (form.filterMode === 'saved') { if (form.savedFilterId) input.savedFilterId = form.savedFilterId } else input.filter = filterInput(form.filter)
  }
  return input
}

/** Whether the audience says enough to count it (a list audience with nothing chosen does not). */
export function audienceComplete(form) {
  const list = AUDIENCE_LIST[form.audience]
  if (list) return form[list].length > 0
  if (form.audience === 'TOP_SPENDERS') return !!form.topPercent && !!form.windowDays
  if (form.audience === 'FILTER') return form.filterMode === 'saved' ? !!form.savedFilterId : true
  return true
}

/** CreateCampaignInput from the form (message and channel only with a message). */
export function createInput(form) {
  const input = {
    name: form.name.trim(), startsAt: iso(form.startsAt), endsAt: iso(form.endsAt), ...audienceInput(form),
    kind: form.kind, benefit: form.benefit, controlPercent: form.controlPercent, budget: form.budget, recurrence: form.recurrence
  }
  if (form.benefit === 'COUPON_PACK' && form.packId) input.packId = form.packId
  if (form.benefit === 'POINTS' && form.points !== null) input.points = form.points
  if (form.benefit === 'MULTIPLIER') input.multiplier = form.multiplier
  if (form.kind === 'MEMBER_DAY') input.memberDay = form.memberDay
  if (form.message.trim()) Object.assign(input, { message: form.message.trim(), messageChannel: 'SMS' })
  return input
}

/** UpdateCampaignInput's changes: the fields whose value differs from `before` (a blank message removes it). */
export function changes(form, before) {
  const now = { ...createInput(form), message: form.message.trim() }
  const then = { ...createInput(before), message: before.message.trim() }
  const out = {}
  for (const [key, value] of Object.entries(now)) {
    if (key === 'messageChannel') continue
    if (JSON.stringify(value) !== JSON.stringify(then[key])) out[key] = value
  }
  if (out.message) out.messageChannel = 'SMS'
  return out
}

/** Which step of the form holds each input field (so an error from the API opens the right step). */
export const FIELD_STEP = {
  name: 0, audience: 0, tiers: 0, memberIds: 0, tagIds: 0, stages: 0, segments: 0, topPercent: 0, windowDays: 0,
  filter: 0, savedFilterId: 0, kind: 1, memberDay: 1, benefit: 1, packId: 1, points: 1, multiplier: 1, controlPercent: 1,
  budget: 2, startsAt: 2, endsAt: 2, recurrence: 2, message: 3, messageChannel: 3
}
