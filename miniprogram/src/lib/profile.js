/**
 * The member's profile on the "mine" page: what is shown, the edit form's draft, the checks made
 * before anything is sent (the backend's own rules), and the phone-number button's answer.
 */

const { yuan } = require('./format')

const NICKNAME_MAX = 32
const AVATAR_MAX = 512

const GENDERS = [
  { value: 'UNKNOWN', label: '保密' },
  { value: 'MALE', label: '男' },
  { value: 'FEMALE', label: '女' }
]

const BIRTHDAY_NOTE = '生日用于发放生日礼遇，设置后一年内只能修改一次'

function genderIndex(value) {
  const i = GENDERS.findIndex(g => g.value === value)
  return i < 0 ? 0 : i
}

/** How the profile reads when not editing. */
function profileView(member) {
  const nickname = member.nickname || '微信用户'
  return {
    nickname,
    initial: Array.from(nickname)[0],
    avatarUrl: member.avatarUrl || '',
    birthday: member.birthday || '未填写',
    gender: GENDERS[genderIndex(member.gender)].label,
    phone: member.phone || '',
    tier: member.tier ? member.tier.name : '',
    wallet: walletView(member.wallet)
  }
}

/** The stored-value card (储值): the balance, and the principal and bonus it is made of; null without one. */
function walletView(wallet) {
  if (!wallet) return null
  return {
    balance: yuan(wallet.balanceCents),
    detail: `本金 ${yuan(wallet.principalCents)} · 赠送 ${yuan(wallet.bonusCents)}`
  }
}

/** The edit form's starting values. */
function draftFrom(member) {
  return {
    nickname: member.nickname || '',
    avatarUrl: member.avatarUrl || '',
    birthday: member.birthday || '',
    genderIndex: genderIndex(member.gender)
  }
}

/** Null when the nickname may be saved, else why not: 1 to 32 characters once trimmed. */
function nicknameError(nickname) {
  const trimmed = String(nickname || '').trim()
  if (!trimmed) return '请填写昵称'
  if (Array.from(trimmed).length > NICKNAME_MAX) return `昵称最多${NICKNAME_MAX}个字`
  return null
}

/** Null when the avatar is an http(s) address the backend keeps, else why not. */
function avatarError(url) {
  if (!url) return null
  if (url.length > AVATAR_MAX || !/^https?:\/\/\S+$/i.test(url)) return '这张头像暂时无法保存，请换一张'
  return null
}

/**
 * What to send for a draft: only the fields that changed. Resolves { input } or { errors } with
 * a message per field (nickname, avatarUrl); { input: null } when nothing changed.
 */
function changes(member, draft) {
  const errors = {}
  const input = {}
  const nickname = String(draft.nickname || '').trim()
  if (nickname !== (member.nickname || '')) {
    const error = nicknameError(nickname)
    if (error) errors.nickname = error
    else input.nickname = nickname
  }
  if (draft.avatarUrl && draft.avatarUrl !== (member.avatarUrl || '')) {
    const error = avatarError(draft.avatarUrl)
    if (error) errors.avatarUrl = error
    else input.avatarUrl = draft.avatarUrl
  }
  if (draft.birthday && draft.birthday !== (member.birthday || '')) input.birthday = draft.birthday
  const gender = GENDERS[draft.genderIndex].value
  if (gender !== (member.gender || 'UNKNOWN')) input.gender = gender
  if (Object.keys(errors).length) return { errors }
  return { input: Object.keys(input).length ? input : null }
}

/**
 * The phone-number button's answer: { code } to send to bindPhone, { denied: true } when the
 * member said no, { privacyDeclined: true } when they declined the privacy notice WeChat asked
 * for first, or { failed: true } when WeChat gave nothing usable.
 */
function phoneAnswer(detail) {
  if (detail && detail.code) return { code: detail.code }
  const message = (detail && detail.errMsg) || ''
  if (/privacy/i.test(message)) return { privacyDeclined: true }
  if (/deny|cancel|fail user/i.test(message)) return { denied: true }
  return { failed: true }
}

module.exports = { NICKNAME_MAX, GENDERS, BIRTHDAY_NOTE, profileView, walletView, draftFrom, nicknameError, avatarError, changes, phoneAnswer }
