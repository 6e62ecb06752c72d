/**
 * Staff login: username and password; a signed-in clerk or manager goes straight to the till.
 * After an admin or manager reset the password, the sign-in may only change it: the page asks for
 * a new one (the temporary password is the current one) before opening the till.
 */
const session = require('../../api/session')
const client = require('../../api/client')
const { CHANGE_MY_PASSWORD } = require('../../api/documents/auth')
const { ApiError, showError } = require('../../api/errors')

const TILL = '/staff/till/index'
const MIN_PASSWORD = 8
const MAX_PASSWORD = 128

const MESSAGES = {
  BAD_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_DISABLED: '该账号已停用，请联系管理员',
  ACCOUNT_LOCKED: '密码错误次数过多，账号已暂时锁定，请稍后再试',
  RATE_LIMITED: '尝试太频繁，请稍后再试'
}

const CHANGE_MESSAGES = {
  BAD_CREDENTIALS: '临时密码不正确，请重新登录',
  INVALID_INPUT: '新密码不符合要求（8–128 位，且不能与临时密码相同）'
}

/** What is wrong with the new password as typed, or '' when it may be sent. */
function newPasswordProblem(current, next, repeated) {
  if (next.length < MIN_PASSWORD || next.length > MAX_PASSWORD) return `新密码需 ${MIN_PASSWORD}–${MAX_PASSWORD} 位`
  if (next === current) return '新密码不能与临时密码相同'
  if (next !== repeated) return '两次输入的新密码不一致'
  return ''
}

function shownError(e, messages) {
  return messages[e.code] ? new ApiError(e.code, messages[e.code]) : e
}

Component({
  data: {
    username: '',
    password: '',
    newPassword: '',
    repeatPassword: '',
    mustChange: false,
    running: false,
    error: ''
  },
  methods: {
    onLoad() {
      const current = session.get('staff')
      if (!current) return
      if (current.mustChangePassword) this.setData({ mustChange: true, username: current.staff ? current.staff.username : '' })
      else wx.redirectTo({ url: TILL })
    },
    onInput(e) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, error: '' })
    },
    async submit() {
      if (this.data.running) return
      const username = this.data.username.trim()
      const password = this.data.password
      if (!username || !password) {
        this.setData({ error: '请输入用户名和密码' })
        return
      }
      this.setData({ running: true, error: '' })
      try {
        await session.loginStaff(username, password)
        if (session.get('staff').mustChangePassword) {
          this.setData({ running: false, mustChange: true })
          return
        }
        this.setData({ running: false, password: '' })
        wx.redirectTo({ url: TILL })
      } catch (e) {
        this.fail(shownError(e, MESSAGES))
      }
    },
    async changePassword() {
      if (this.data.running) return
      const { password, newPassword, repeatPassword } = this.data
      if (!password) {
        this.setData({ error: '请输入临时密码' })
        return
      }
      const problem = newPasswordProblem(password, newPassword, repeatPassword)
      if (problem) {
        this.setData({ error: problem })
        return
      }
      this.setData({ running: true, error: '' })
      try {
        const payload = await client.mutate(CHANGE_MY_PASSWORD,
          { input: { currentPassword: password, newPassword } }, { as: 'staff' })
        session.saveStaff(payload, false)
        this.setData({ running: false, mustChange: false, password: '', newPassword: '', repeatPassword: '' })
        wx.showToast({ title: '密码已修改', icon: 'success' })
        wx.redirectTo({ url: TILL })
      } catch (e) {
        this.fail(shownError(e, CHANGE_MESSAGES))
      }
    },
    /** Gives up on the temporary sign-in (e.g. the wrong account): back to the login form. */
    async cancelChange() {
      await session.logout('staff')
      this.setData({ mustChange: false, password: '', newPassword: '', repeatPassword: '', error: '' })
    },
    fail(shown) {
      this.setData({ running: false, error: shown instanceof ApiError ? shown.message : '操作失败，请重试' })
      showError(shown)
    }
  }
})
