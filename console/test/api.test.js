/**
 * The console's API layer: the access token stays in memory (nothing in localStorage or
 * sessionStorage), an expired one is renewed once from the cookie, and a call the role may not make
 * never leaves the browser.
 */
import { describe, test, expect, beforeEach, vi } from 'vitest'
import { gql, mutate } from '../src/api/client.js'
import { session, signIn, signOut, refresh } from '../src/api/session.js'
import { can } from '../src/api/permissions.js'
import { ApiError } from '../src/api/errors.js'
import { STAFF } from './support/mount.js'

const json = (status, body) => ({ ok: status < 400, status, json: async () => body })
const tokens = token => ({ accessToken: token, expiresAt: new Date(Date.now() + 900_000).toISOString(), mustChangePassword: false, userErrors: [] })

function backend(handlers) {
  const calls = []
  globalThis.fetch = vi.fn(async (url, init) => {
    const body = init.body ? JSON.parse(init.body) : {}
    calls.push({ url, headers: init.headers, body })
    return handlers(url, body, init.headers)
  })
  return calls
}

beforeEach(() => {
  session.accessToken = null
  session.staff = null
  session.ready = false
  localStorage.clear()
  sessionStorage.clear()
})

describe('signing in', () => {
  test('keeps the access token in memory only and loads who is signed in', async () => {
    const calls = backend((url) => url === '/console/session/login'
      ? json(200, tokens('access-1'))
      : json(200, { data: { currentStaff: STAFF.MARKETER } }))
    await signIn('marketer', 'pw')
    expect(session.accessToken).toBe('access-1')
    expect(session.staff.role).toBe('MARKETER')
    expect(localStorage.length + sessionStorage.length).toBe(0)
    expect(document.cookie).toBe('')
    expect(calls[0].headers['X-Requested-With']).toBe('loyalty-console')
    expect(calls[1].headers.Authorization).toBe('Bearer access-1')
  })

  test('a wrong password shows the API\'s message and signs nobody in', async () => {
    backend(() => json(200, { userErrors: [{ field: ['password'], message: '用户名或密码错误', code: 'BAD_CREDENTIALS' }] }))
    await expect(signIn('marketer', 'nope')).rejects.toMatchObject({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误' })
    expect(session.accessToken).toBeNull()
  })
})

describe('requests', () => {
  test('an expired access token is renewed from the cookie once and the request repeated', async () => {
    session.accessToken = 'old'
    session.staff = STAFF.ADMIN
    let graphqlCalls = 0
    const calls = backend((url, body, headers) => {
      if (url === '/console/session/refresh') return json(200, tokens('new'))
      graphqlCalls++
      return headers.Authorization === 'Bearer new'
        ? json(200, { data: { currentStaff: STAFF.ADMIN } })
        : json(200, { errors: [{ message: 'expired', extensions: { classification: 'UNAUTHENTICATED' } }] })
    })
    const data = await gql('query ConsoleX { currentStaff { id } }')
    expect(data.currentStaff.id).toBe(STAFF.ADMIN.id)
    expect(graphqlCalls).toBe(2)
    expect(calls.filter(c => c.url === '/console/session/refresh')).toHaveLength(1)
  })

  test('when the cookie is no longer good either, the person is signed out', async () => {
    session.accessToken = 'old'
    session.staff = STAFF.ADMIN
    backend(url => url === '/console/session/refresh'
      ? json(401, { userErrors: [{ field: [], message: '登录已失效，请重新登录', code: 'REFRESH_TOKEN_INVALID' }] })
      : json(200, { errors: [{ message: 'expired', extensions: { classification: 'UNAUTHENTICATED' } }] }))
    await expect(gql('query ConsoleX { currentStaff { id } }')).rejects.toBeInstanceOf(ApiError)
    expect(session.accessToken).toBeNull()
    expect(session.staff).toBeNull()
  })

  test('two renewals at once send the cookie once', async () => {
    const calls = backend(() => json(200, tokens('fresh')))
    await Promise.all([refresh(), refresh(), refresh()])
    expect(calls).toHaveLength(1)
  })

  test('a call the role may not make is refused before it is sent', async () => {
    session.accessToken = 'a'
    session.staff = STAFF.MARKETER
    const calls = backend(() => json(200, { data: {} }))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect(gql('query ConsoleApprovals { pointsApprovals { totalCount } }')).rejects.toMatchObject({ code: 'NOT_ALLOWED_FOR_ROLE' })
    expect(calls).toHaveLength(0)
    expect(can('Query.pointsApprovals')).toBe(false)
    expect(can('createCampaign')).toBe(true)
  })

  test('a mutation\'s userErrors are thrown with their Chinese message', async () => {
    session.accessToken = 'a'
    session.staff = STAFF.MARKETER
    backend(() => json(200, { data: { pauseCampaign: { campaign: null, userErrors: [{ field: [], message: '活动已结束', code: 'CAMPAIGN_ENDED' }] } } }))
    await expect(mutate('mutation ConsolePause { pauseCampaign(input: {id: "1"}) { userErrors { code } } }'))
      .rejects.toMatchObject({ code: 'CAMPAIGN_ENDED', message: '活动已结束' })
  })

  test('a network failure says so in Chinese', async () => {
    session.staff = STAFF.ADMIN
    globalThis.fetch = vi.fn(async () => { throw new TypeError('Failed to fetch') })
    await expect(gql('query ConsoleX { currentStaff { id } }')).rejects.toMatchObject({ code: 'NETWORK', message: '网络连接失败，请检查网络后重试' })
  })
})

describe('signing out', () => {
  test('forgets the token even when the backend cannot be reached', async () => {
    session.accessToken = 'a'
    session.staff = STAFF.ADMIN
    globalThis.fetch = vi.fn(async () => { throw new TypeError('Failed to fetch') })
    await signOut().catch(() => {})
    expect(session.accessToken).toBeNull()
    expect(session.staff).toBeNull()
  })
})
