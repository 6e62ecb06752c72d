/**
 * The signed-out block: 登录 after 退出登录, or "账户将于…注销" with 撤销注销并登录 while the account is
 * closing. Only these taps sign the member in again; a plain 登录 that the backend refuses because
 * the account is closing turns the block into the closing one. Emits `signedin` on success.
 */
const session = require('../../api/session')
const { showError } = require('../../api/errors')
const { signInState } = require('../../lib/sign-in')

Component({
  // the app's shared classes (section, muted, error, row, primary-button) apply inside
  options: { addGlobalClass: true },
  properties: {
    /** { closing, closesAt, text } from lib/sign-in. */
    state: { type: Object, value: null, observer: 'show' }
  },
  data: {
    view: { closing: false, text: '你已退出登录' },
    busy: false
  },
  methods: {
    show(state) {
      if (state) this.setData({ view: state })
    },
    signIn() {
      return this.login({ explicit: true })
    },
    cancelClosure() {
      return this.login({ cancelClosure: true }, '已撤销注销')
    },
    async login(options, done) {
      if (this.data.busy) return
      this.setData({ busy: true })
      try {
        await session.loginMember(options)
        if (done) wx.showToast({ title: done, icon: 'success' })
        this.triggerEvent('signedin')
      } catch (e) {
        const state = signInState(e)
        if (state) this.setData({ view: state })
        else showError(e)
      } finally {
        this.setData({ busy: false })
      }
    }
  }
})
