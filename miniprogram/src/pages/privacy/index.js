/**
 * Privacy (from "mine"): accept the privacy notice, give or withdraw marketing consent, see a
 * summary of all one's data (and copy the full JSON), close the account after a warning.
 */
const client = require('../../api/client')
const session = require('../../api/session')
const { showError } = require('../../api/errors')
const { MY_CONSENTS, UPDATE_CONSENTS, EXPORT_MY_DATA, CLOSE_ACCOUNT } = require('../../api/documents/privacy')
const privacy = require('../../lib/privacy')

Component({
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
    async load() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(MY_CONSENTS)
        this.show(data.myConsents)
        this.setData({ loading: false })
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
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
    async acceptNotice() {
      if (await this.update({ acceptNoticeVersion: this.consents.currentNoticeVersion })) {
        wx.showToast({ title: '已同意隐私政策', icon: 'success' })
      }
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
            // the backend ended every sign-in; signing in again (opening the mini-program) would cancel
            session.clear('member')
            this.setData({ 'view.closing': privacy.closingNotice(payload.closesAt) })
            wx.showModal({ title: '已申请注销', content: privacy.closingNotice(payload.closesAt), showCancel: false })
          } catch (e) {
            showError(e)
          }
        }
      })
    }
  }
})
