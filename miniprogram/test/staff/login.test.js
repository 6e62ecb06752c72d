/** Staff login: the form signs staff in and sends them to the till; refusals say why. */
const { loadPage, flush, text, tap } = require('../support/page')
const session = require('../../src/api/session')
const { type, holdRequests, userError } = require('./helpers')

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

/** A staffLogin answer whose password was reset by an admin or store manager. */
function resetAnswer() {
  const answer = loginAnswer('CLERK')
  answer.staffLogin.mustChangePassword = true
  return answer
}

function changeAnswer() {
  return { changeMyPassword: { accessToken: 'a2', refreshToken: 'r2', expiresAt: '2026-11-23T10:15:00+08:00',
    staff: { id: '7', username: 'clerk-xuhui', displayName: '小李', role: 'CLERK', storeId: '1' }, userErrors: [] } }
}

test('aClerkWhosePasswordWasResetMustChangeItBeforeTheTillOpens', async () => {
  wx.__server.on('StaffLogin', resetAnswer)
  wx.__server.on('ChangeMyPassword', changeAnswer)
  const page = openWith('clerk-xuhui', 'Temp-1234')
  tap(page, '.login-button')
  await flush()
  expect(wx.redirectTo).not.toHaveBeenCalled()
  expect(text(page, '.change-password .section-title')).toBe('请先修改密码')
  type(page, '.new-password', 'my-new-password')
  type(page, '.repeat-password', 'my-new-password')
  tap(page, '.change-button')
  await flush()
  expect(wx.__server.calls('ChangeMyPassword')).toEqual([{ input: { currentPassword: 'Temp-1234', newPassword: 'my-new-password' } }])
  expect(wx.__server.requests.find(r => r.operationName === 'ChangeMyPassword').headers.Authorization).toBe('Bearer a')
  expect(session.get('staff')).toEqual(expect.objectContaining({ accessToken: 'a2', refreshToken: 'r2', mustChangePassword: false }))
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/staff/till/index' })
})

test('aResetSessionReopeningTheLoginPageIsAskedForTheNewPasswordNotSentToTheTill', () => {
  session.save('staff', { accessToken: 'a', refreshToken: 'r', mustChangePassword: true,
    staff: { username: 'clerk-xuhui', role: 'CLERK' } })
  const page = loadPage('staff/login/index')
  page.instance.onLoad({})
  expect(wx.redirectTo).not.toHaveBeenCalled()
  expect(text(page, '.change-password .muted')).toContain('clerk-xuhui 的密码已被重置')
})

test('aNewPasswordThatIsShortOrMistypedIsRefusedWithoutSending', async () => {
  wx.__server.on('StaffLogin', resetAnswer)
  const page = openWith('clerk-xuhui', 'Temp-1234')
  tap(page, '.login-button')
  await flush()
  type(page, '.new-password', 'short')
  type(page, '.repeat-password', 'short')
  tap(page, '.change-button')
  await flush()
  expect(text(page, '.change-error')).toBe('新密码需 8–128 位')
  type(page, '.new-password', 'long-enough-1')
  type(page, '.repeat-password', 'long-enough-2')
  tap(page, '.change-button')
  await flush()
  expect(text(page, '.change-error')).toBe('两次输入的新密码不一致')
  expect(wx.__server.calls('ChangeMyPassword')).toHaveLength(0)
})

test('aWrongTemporaryPasswordIsExplained', async () => {
  wx.__server.on('StaffLogin', resetAnswer)
  wx.__server.on('ChangeMyPassword', () => ({ changeMyPassword: userError('currentPassword', 'BAD_CREDENTIALS', 'wrong') }))
  const page = openWith('clerk-xuhui', 'Temp-1234')
  tap(page, '.login-button')
  await flush()
  type(page, '.current-password', 'Temp-9999')
  type(page, '.new-password', 'my-new-password')
  type(page, '.repeat-password', 'my-new-password')
  tap(page, '.change-button')
  await flush()
  expect(text(page, '.change-error')).toBe('临时密码不正确，请重新登录')
  expect(wx.redirectTo).not.toHaveBeenCalled()
})

test('aLockedAccountIsToldToWait', async () => {
  wx.__server.on('StaffLogin', () => refusal('ACCOUNT_LOCKED', 'locked'))
  const page = openWith('clerk-xuhui', 'nope')
  tap(page, '.login-button')
  await flush()
  expect(text(page, '.login-error')).toBe('密码错误次数过多，账号已暂时锁定，请稍后再试')
})
