/**
 * Files to and from the API beside /graphql: uploads (POST /bulk/uploads and POST /media/pictures, multipart) and CSV
 * downloads (GET /bulk/exports/*.csv), with the in-memory access token, renewed once on 401 as
 * gql does. Refusals come as GraphQL-like JSON errors and are thrown as ApiError.
 */
import { ApiError } from './errors.js'
import { session, refresh } from './session.js'

async function request(path, init) {
  const send = () => fetch(path, {
    credentials: 'same-origin',
    ...init,
    headers: { ...(init.headers || {}), ...(session.accessToken ? { Authorization: `Bearer ${session.accessToken}` } : {}) }
  })
  let response
  try {
    response = await send()
    if (response.status === 401 && session.accessToken) {
      await refresh()
      response = await send()
    }
  } catch (e) {
    if (e instanceof ApiError) throw e
    throw new ApiError('NETWORK')
  }
  if (response.ok) return response
  let errors = []
  try {
    errors = (await response.json()).errors || []
  } catch (e) {
    // not JSON: judged by the status below
  }
  if (errors.length) throw ApiError.fromGraphQlErrors(errors)
  throw new ApiError(response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN'
    : response.status >= 500 ? 'SERVER' : 'BAD_REQUEST')
}

/** Uploads a file for import; answers { fileId, filename, format, kind, sizeBytes }. */
export async function uploadImportFile(file, kind) {
  const form = new FormData()
  form.append('file', file, file.name)
  const response = await request(`/bulk/uploads?kind=${encodeURIComponent(kind)}`, { method: 'POST', body: form })
  return response.json()
}

/**
 * Uploads a picture of goods (`use` GOODS) or of an event (EVENT, for the store `storeId`, or for the
 * brand when a marketer or admin gives none); answers { url, width, height } for pictureUrl.
 */
export async function uploadPicture(file, use, storeId) {
  const form = new FormData()
  form.append('file', file, file.name)
  const query = `for=${encodeURIComponent(use)}${storeId ? `&storeId=${encodeURIComponent(storeId)}` : ''}`
  const response = await request(`/media/pictures?${query}`, { method: 'POST', body: form })
  return response.json()
}

/** Downloads a CSV export: { blob, name }, the name the API gives (or `fallback`). */
export async function downloadExport(path, fallback) {
  const response = await request(path, { method: 'GET' })
  const blob = await response.blob()
  const disposition = response.headers && response.headers.get ? response.headers.get('Content-Disposition') || '' : ''
  const match = disposition.match(/filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i)
  return { blob, name: match ? decodeURIComponent(match[1] || match[2]) : fallback }
}
