/**
 * Privacy (from "mine"): read and accept the privacy notice (components/privacy-notice), give or
 * withdraw marketing consent, see a summary of all one's data (and copy the full JSON), close the
 * account after a warning. After closing, the app stays signed out: the page offers only
 * 撤销注销并登录 (components/sign-in).
 */
const client = require('../../api/client')
const session = require('../../api/session')
const { showError } = require('../../api/errors')
const { MY_CONSENTS, UPDATE_CONSENTS, EXPORT_MY_DATA, CLOSE_ACCOUNT } = require('../../api/documents/privacy')
const privacy = require('../../lib/privacy')
const signIn = require('../../lib/sign-in')
const signedOut = require('../../behaviors/signed-out')

Component({
  behaviors: [signedOut],
  data: {
    loading: true,
    failed: false,
    view: null,
    saving: false,
    exporting: false,
    summary: null
  },
  methods: {
    onLoad() {
      return this.load()
    },
    onShow() {
      // copying the data export is one of WeChat's privacy APIs
      if (wx.onNeedPrivacyAuthorization) wx.onNeedPrivacyAuthorization(resolve => this.notice().askPlatform(resolve))
    },
    reloadAfterSignIn() {
      return this.load()
    },
    notice() {
      return this.selectComponent('#privacy-notice')
    },
    async load() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(MY_CONSENTS)
        this.show(data.myConsents)
        this.setData({ loading: false })
      } catch (e) {
        const out = this.showSignedOut(e)
        this.setData({ loading: false, failed: !out })
        if (!out) showError(e)
      }
    },
    show(consents) {
      this.consents = consents
      this.setData({ view: privacy.consentView(consents) })
    },
    async update(input) {
      if (this.data.saving) return
      this.setData({ saving: true })
      try {
        const payload = await client.mutate(UPDATE_CONSENTS, { input })
        this.show(payload.consents)
        return true
      } catch (e) {
        this.show(this.consents)
        showError(e)
        return false
      } finally {
        this.setData({ saving: false })
      }
    },
    /** Opens the notice's text; accepting it there records the acceptance. */
    async acceptNotice() {
      if (await this.notice().ask()) wx.showToast({ title: '已同意隐私政策', icon: 'success' })
    },
    onNoticeAccepted(e) {
      this.show(e.detail.consents)
    },
    async onMarketing(e) {
      const marketing = !!e.detail.value
      if (await this.update({ marketing })) {
        wx.showToast({ title: marketing ? '已开启营销消息' : '已关闭营销消息', icon: 'none' })
      }
    },
    async exportData() {
      if (this.data.exporting) return
      this.setData({ exporting: true })
      try {
        const data = await client.request(EXPORT_MY_DATA)
        this.exported = data.exportMyData.json
        this.setData({ summary: privacy.exportSummary(data.exportMyData.sections) })
      } catch (e) {
        showError(e)
      } finally {
        this.setData({ exporting: false })
      }
    },
    copyExport() {
      wx.setClipboardData({ data: this.exported })
    },
    closeAccount() {
      wx.showModal({
        title: '注销账号',
        content: privacy.CLOSE_WARNING,
        confirmText: '确定注销',
        success: async res => {
          if (!res.confirm) return
          try {
            const payload = await client.mutate(CLOSE_ACCOUNT, { input: { confirm: true } })
            // the backend ended every sign-in; the app stays signed out: only 撤销注销并登录 signs in again
            const closing = { reason: 'ACCOUNT_CLOSURE_PENDING', closesAt: payload.closesAt }
            session.markSignedOut(closing)
            this.setData({ signedOut: signIn.closingState(payload.closesAt) })
            wx.showModal({ title: '已申请注销', content: privacy.closingNotice(payload.closesAt), showCancel: false })
          } catch (e) {
            showError(e)
          }
        }
      })
    }
  }
})
