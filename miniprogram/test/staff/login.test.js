/** Staff login: the form signs staff in and sends them to the till; refusals say why. */
const { loadPage, flush, text, tap } = require('../support/page')
const session = require('../../src/api/session')
const { type, holdRequests } = require('./helpers')

function loginAnswer(role) {
  return {
    staffLogin: {
      accessToken: 'a', refreshToken: 'r', expiresAt: '2026-11-23T10:00:00+08:00',
      staff: { id: '7', username: 'manager-xuhui', displayName: '王店长', role, storeId: '1' },
      userErrors: []
    }
  }
}

function refusal(code, message) {
  return { staffLogin: { accessToken: null, refreshToken: null, expiresAt: null, staff: null,
    userErrors: [{ field: [], message, code }] } }
}

/** The login page, opened, with the username and password typed in (not yet submitted). */
function openWith(username, password) {
  const page = loadPage('staff/login/index')
  page.instance.onLoad({})
  type(page, '.username', username)
  type(page, '.password', password)
  return page
}

test('rightPasswordSignsInAndOpensTheTill', async () => {
  wx.__server.on('StaffLogin', () => loginAnswer('STORE_MANAGER'))
  const page = openWith('manager-xuhui', 'demo-password')
  tap(page, '.login-button')
  await flush()
  expect(wx.__server.calls('StaffLogin')).toEqual([{ input: { username: 'manager-xuhui', password: 'demo-password' } }])
  expect(session.get('staff').staff.role).toBe('STORE_MANAGER')
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/staff/till/index' })
})

test('wrongPasswordSaysSoAndStaysOnTheForm', async () => {
  wx.__server.on('StaffLogin', () => refusal('BAD_CREDENTIALS', 'bad'))
  const page = openWith('clerk-xuhui', 'nope')
  tap(page, '.login-button')
  await flush()
  expect(text(page, '.login-error')).toBe('用户名或密码错误')
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '用户名或密码错误' }))
  expect(wx.redirectTo).not.toHaveBeenCalled()
  expect(session.get('staff')).toBeNull()
})

test('disabledAccountIsToldToAskTheAdmin', async () => {
  wx.__server.on('StaffLogin', () => refusal('ACCOUNT_DISABLED', 'disabled'))
  const page = openWith('clerk-xuhui', 'demo-password')
  tap(page, '.login-button')
  await flush()
  expect(text(page, '.login-error')).toBe('该账号已停用，请联系管理员')
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该账号已停用，请联系管理员' }))
})

test('buttonIsDisabledWhileSigningInAndADoubleTapSendsOnce', async () => {
  wx.__server.on('StaffLogin', () => loginAnswer('CLERK'))
  const page = openWith('clerk-xuhui', 'demo-password')
  const inFlight = holdRequests()
  tap(page, '.login-button')
  tap(page, '.login-button')
  await flush()
  expect(text(page, '.login-button')).toBe('登录中…')
  expect(inFlight.count).toBe(1)
  inFlight.release()
  await flush()
  expect(wx.__server.calls('StaffLogin')).toHaveLength(1)
  expect(wx.redirectTo).toHaveBeenCalledTimes(1)
})

test('emptyFieldsAreRefusedWithoutSending', async () => {
  const page = loadPage('staff/login/index')
  page.instance.onLoad({})
  tap(page, '.login-button')
  await flush()
  expect(text(page, '.login-error')).toBe('请输入用户名和密码')
  expect(wx.__server.requests).toHaveLength(0)
})

test('staffAlreadySignedInGoStraightToTheTill', () => {
  session.save('staff', { accessToken: 'a', refreshToken: 'r', staff: { role: 'CLERK' } })
  const page = loadPage('staff/login/index')
  page.instance.onLoad({})
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/staff/till/index' })
})
