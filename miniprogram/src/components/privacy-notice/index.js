/**
 * The privacy notice, shown before any profile write (phone, nickname, avatar, birthday): its text
 * comes from the backend (privacyNotice, versioned); 同意并继续 records the acceptance
 * (updateConsents) and, when WeChat asked through wx.onNeedPrivacyAuthorization, also agrees to the
 * platform's privacy authorization (button open-type="agreePrivacyAuthorization"). 不同意 stores nothing.
 *
 * The page calls:
 * - withNotice(write): runs the profile write once the notice is accepted (asking first when it is
 *   not), and asks again and retries once if the backend still answers PRIVACY_NOTICE_NOT_ACCEPTED
 *   (e.g. a new version was published meanwhile). Resolves { declined: true } or { result }.
 * - askPlatform(resolve): for wx.onNeedPrivacyAuthorization's resolve.
 * - ask(): opens the notice; resolves true once accepted. Emits `accepted` with the new consents.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { PRIVACY_NOTICE, MY_CONSENTS, UPDATE_CONSENTS } = require('../../api/documents/privacy')

const NOT_ACCEPTED = 'PRIVACY_NOTICE_NOT_ACCEPTED'
const AGREE_BUTTON = 'agree-privacy'

Component({
  // the app's shared classes (section, muted, error, row, primary-button) apply inside
  options: { addGlobalClass: true },
  data: {
    open: false,
    loading: false,
    failed: false,
    saving: false,
    notice: null
  },
  methods: {
    async withNotice(write) {
      if (!(await this.ensureAccepted())) return { declined: true }
      try {
        return { result: await write() }
      } catch (e) {
        if (e.code !== NOT_ACCEPTED) throw e
        this.accepted = false
        if (!(await this.ask())) return { declined: true }
        return { result: await write() }
      }
    },
    /** True when the member has accepted the notice in force (asking now when not). */
    async ensureAccepted() {
      if (this.accepted) return true
      const data = await client.request(MY_CONSENTS)
      if (data.myConsents.noticeAccepted) {
        this.accepted = true
        return true
      }
      return this.ask()
    },
    /** WeChat needs the platform's privacy authorization before a privacy API (phone, avatar, nickname). */
    askPlatform(resolve) {
      this.platformResolve = resolve
      return this.ask()
    },
    /** Opens the notice; resolves true once accepted, false when declined. */
    ask() {
      if (!this.answer) {
        this.answered = new Promise(done => { this.answer = done })
        this.setData({ open: true })
        if (!this.data.notice) this.loadText()
      }
      return this.answered
    },
    async loadText() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(PRIVACY_NOTICE)
        const notice = data.privacyNotice
        this.version = notice.version
        this.setData({ loading: false, notice: { title: notice.title, lines: notice.text.split('\n').filter(l => l.trim()) } })
      } catch (e) {
        this.setData({ loading: false, failed: true })
      }
    },
    async agree() {
      if (this.data.saving || !this.version) return
      this.setData({ saving: true })
      try {
        const payload = await client.mutate(UPDATE_CONSENTS, { input: { acceptNoticeVersion: this.version } })
        this.accepted = true
        this.finish(true)
        this.triggerEvent('accepted', { consents: payload.consents })
      } catch (e) {
        // e.g. a newer version was published while reading: show that one
        showError(e)
        this.setData({ notice: null })
        this.loadText()
      } finally {
        this.setData({ saving: false })
      }
    },
    decline() {
      wx.showToast({ title: '未同意隐私政策，资料未保存', icon: 'none' })
      this.finish(false)
    },
    finish(accepted) {
      if (this.platformResolve) {
        this.platformResolve(accepted ? { buttonId: AGREE_BUTTON, event: 'agree' } : { event: 'disagree' })
        this.platformResolve = null
      }
      const answer = this.answer
      this.answer = null
      this.setData({ open: false })
      if (answer) answer(accepted)
    }
  }
})
