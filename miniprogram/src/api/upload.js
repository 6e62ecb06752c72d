/**
 * Uploads a local file (chooseAvatar's temporary file) to the backend with wx.uploadFile, signed
 * in like the GraphQL client: the member's bearer token, renewed once and resent when the answer is
 * 401 / UNAUTHENTICATED. The backend's refusals come as GraphQL-like JSON errors
 * ({ errors: [{ message, extensions: { code } }] }) and reject as ApiError with that code and
 * message (UPLOAD_TOO_LARGE, UPLOAD_TYPE_UNSUPPORTED, RATE_LIMITED...).
 */

const config = require('../config')
const { ApiError } = require('./errors')
const session = require('./session')
const { ensureSession, renew } = require('./client')

const TIMEOUT_MS = 60000

/** Resolves { statusCode, body } (body parsed when it is JSON); rejects with ApiError('NETWORK'). */
function send(path, filePath, token, onProgress) {
  return new Promise((resolve, reject) => {
    const task = wx.uploadFile({
      url: config.apiUrl() + path,
      filePath,
      name: 'file',
      header: token ? { Authorization: 'Bearer ' + token } : {},
      timeout: TIMEOUT_MS,
      success: res => resolve({ statusCode: res.statusCode, body: parse(res.data) }),
      fail: () => reject(new ApiError('NETWORK', '网络不给力，图片没有传上去，请重试'))
    })
    if (onProgress && task && task.onProgressUpdate) task.onProgressUpdate(p => onProgress(p.progress))
  })
}

function parse(data) {
  if (typeof data !== 'string') return data || null
  try {
    return JSON.parse(data)
  } catch (e) {
    return null
  }
}

function isUnauthenticated(res) {
  const errors = (res.body && res.body.errors) || []
  return res.statusCode === 401 || errors.some(e => (e.extensions || {}).classification === 'UNAUTHENTICATED')
}

function errorOf(res) {
  const errors = (res.body && res.body.errors) || []
  const first = errors[0]
  if (first && first.extensions && first.extensions.code) return new ApiError(first.extensions.code, first.message)
  if (first) return ApiError.fromGraphQlErrors(errors)
  return new ApiError(res.statusCode >= 500 ? 'SERVER' : 'BAD_REQUEST')
}

/**
 * Uploads the file to `path` (e.g. '/media/avatar') as the member and resolves the answer's JSON
 * (e.g. { url }). onProgress(percent) follows the upload.
 */
async function uploadFile(path, filePath, options = {}) {
  const kind = 'member'
  await ensureSession(kind)
  const token = () => (session.get(kind) ? session.get(kind).accessToken : null)
  const sentWith = token()
  let res = await send(path, filePath, sentWith, options.onProgress)
  if (isUnauthenticated(res)) {
    await renew(kind, sentWith)
    res = await send(path, filePath, token(), options.onProgress)
    if (isUnauthenticated(res)) throw new ApiError('UNAUTHENTICATED')
  }
  if (res.statusCode !== 200 || !res.body || res.body.errors) throw errorOf(res)
  return res.body
}

/** Uploads chooseAvatar's temporary file and resolves the avatar's URL, for updateProfile. */
async function uploadAvatar(filePath, onProgress) {
  const answer = await uploadFile('/media/avatar', filePath, { onProgress })
  return answer.url
}

module.exports = { uploadFile, uploadAvatar }
