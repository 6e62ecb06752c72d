/** Staff login: username and password; a signed-in clerk or manager goes straight to the till. */
const session = require('../../api/session')
const { ApiError, showError } = require('../../api/errors')

const TILL = '/staff/till/index'

const MESSAGES = {
  BAD_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_DISABLED: '该账号已停用，请联系管理员'
}

Component({
  data: {
    username: '',
    password: '',
    running: false,
    error: ''
  },
  methods: {
    onLoad() {
      if (session.get('staff')) wx.redirectTo({ url: TILL })
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
        this.setData({ running: false, password: '' })
        wx.redirectTo({ url: TILL })
      } catch (e) {
        const shown = MESSAGES[e.code] ? new ApiError(e.code, MESSAGES[e.code]) : e
        this.setData({ running: false, error: shown instanceof ApiError ? shown.message : '登录失败，请重试' })
        showError(shown)
      }
    }
  }
})
