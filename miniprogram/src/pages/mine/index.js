/**
 * Mine (tab): the profile and its editing, phone binding, message subscriptions (asked only on
 * the member's tap), links to points, invitations, leaderboard and rules, staff login, logout.
 * Every profile write goes through the privacy notice (components/privacy-notice) first, which
 * also answers WeChat's privacy authorization. Signed out (退出登录, or a closing account) it shows
 * the sign-in block and never signs in by itself.
 */
const client = require('../../api/client')
const { uploadAvatar } = require('../../api/upload')
const session = require('../../api/session')
const { showError } = require('../../api/errors')
const { MINE_PROFILE, UPDATE_PROFILE, BIND_PHONE } = require('../../api/documents/profile')
const { SUBSCRIBE_TEMPLATES } = require('../../api/documents/notify')
const profile = require('../../lib/profile')
const subscribe = require('../../lib/subscribe')
const format = require('../../lib/format')
const signedOut = require('../../behaviors/signed-out')

const LINKS = [
  { key: 'points', label: '我的积分', url: '/pages/points/index' },
  { key: 'mall', label: '积分商城', url: '/pages/mall/index' },
  { key: 'wallet', label: '储值卡', url: '/pages/wallet/index' },
  { key: 'orders', label: '我的订单', url: '/pages/orders/index' },
  { key: 'events', label: '会员活动', url: '/pages/events/index' },
  { key: 'my-events', label: '我的活动', url: '/pages/my-events/index' },
  { key: 'invite', label: '邀请好友', url: '/pages/invite/index' },
  { key: 'leaderboard', label: '排行榜', url: '/pages/leaderboard/index' },
  { key: 'lottery', label: '积分抽奖', url: '/pages/lottery/index' },
  { key: 'rules', label: '会员规则', url: '/pages/rules/index', public: true },
  { key: 'privacy', label: '隐私与个人信息', url: '/pages/privacy/index' }
]

Component({
  behaviors: [signedOut],
  data: {
    loading: true,
    failed: false,
    profile: null,
    editing: false,
    draft: null,
    errors: {},
    saving: false,
    avatarUploading: false,
    avatarProgress: 0,
    genders: profile.GENDERS.map(g => g.label),
    birthdayNote: profile.BIRTHDAY_NOTE,
    today: '',
    binding: false,
    templates: [],
    templatesLoading: true,
    templatesFailed: false,
    subscribing: false,
    links: LINKS
  },
  methods: {
    onLoad() {
      this.member = null
      this.setData({ today: format.today() })
      return Promise.all([this.load(), this.loadTemplates()])
    },
    onShow() {
      // WeChat asks before the phone button, the avatar chooser or the nickname input may be used
      if (wx.onNeedPrivacyAuthorization) wx.onNeedPrivacyAuthorization(resolve => this.notice().askPlatform(resolve))
      if (this.shown && !this.data.editing) return this.load({ quiet: true })
      this.shown = true
    },
    reloadAfterSignIn() {
      return Promise.all([this.load(), this.loadTemplates()])
    },
    notice() {
      return this.selectComponent('#privacy-notice')
    },
    onPullDownRefresh() {
      return Promise.all([this.load(), this.loadTemplates()]).then(() => wx.stopPullDownRefresh())
    },
    async load(options = {}) {
      if (!options.quiet) this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(MINE_PROFILE)
        this.showMember(data.me)
        this.setData({ loading: false, failed: false, signedOut: null })
      } catch (e) {
        if (this.showSignedOut(e)) {
          this.setData({ loading: false, failed: false, editing: false })
          return
        }
        this.setData({ loading: false, failed: !options.quiet || !this.member })
        showError(e)
      }
    },
    showMember(member) {
      this.member = Object.assign({}, this.member, member)
      this.setData({ profile: profile.profileView(this.member) })
    },

    // Profile editing: nothing is sent until it passes the same checks as the backend.
    edit() {
      this.setData({ editing: true, draft: profile.draftFrom(this.member), errors: {} })
    },
    cancelEdit() {
      this.avatarUpload = null
      this.setData({ editing: false, draft: null, errors: {}, avatarUploading: false })
    },
    onNickname(e) {
      this.setData({ 'draft.nickname': e.detail.value, 'errors.nickname': '' })
    },
    // The chosen image is WeChat's temporary file: it shows at once and is uploaded at once; the draft
    // keeps the URL the backend answers (the only kind updateProfile accepts). Only the latest choice counts.
    async onChooseAvatar(e) {
      const file = e.detail && e.detail.avatarUrl
      if (!file) return
      const upload = this.avatarUpload = {}
      this.setData({ 'draft.avatarPreview': file, 'errors.avatarUrl': '', avatarUploading: true, avatarProgress: 0 })
      try {
        // the upload is a profile write: the privacy notice comes first (asked here when not yet accepted)
        const uploaded = await this.notice().withNotice(() => uploadAvatar(file, progress => {
          if (this.avatarUpload === upload) this.setData({ avatarProgress: progress })
        }))
        if (this.avatarUpload !== upload) return
        if (uploaded.declined) {
          this.setData({ 'draft.avatarPreview': '', avatarUploading: false })
          return
        }
        this.setData({ 'draft.avatarUrl': uploaded.result, 'draft.avatarPreview': '', avatarUploading: false })
      } catch (error) {
        if (this.avatarUpload !== upload) return
        this.setData({ 'draft.avatarPreview': '', avatarUploading: false, 'errors.avatarUrl': `头像上传失败：${error.message}` })
      }
    },
    onBirthday(e) {
      this.setData({ 'draft.birthday': e.detail.value })
    },
    onGender(e) {
      this.setData({ 'draft.genderIndex': Number(e.detail.value) })
    },
    async save() {
      if (this.data.saving || this.data.avatarUploading) return
      const result = profile.changes(this.member, this.data.draft)
      if (result.errors) {
        this.setData({ errors: result.errors })
        return
      }
      if (!result.input) {
        this.cancelEdit()
        return
      }
      this.setData({ saving: true })
      try {
        const saved = await this.notice().withNotice(() => client.mutate(UPDATE_PROFILE, { input: result.input }))
        if (saved.declined) return
        this.showMember(saved.result.member)
        this.setData({ editing: false, draft: null })
        wx.showToast({ title: '已保存', icon: 'success' })
      } catch (e) {
        if (e.field && e.field[1]) this.setData({ [`errors.${e.field[1]}`]: e.message })
        showError(e)
      } finally {
        this.setData({ saving: false })
      }
    },

    // Phone binding through WeChat's phone-number button.
    async onPhoneNumber(e) {
      if (this.data.binding) return
      const answer = profile.phoneAnswer(e.detail)
      if (answer.denied) {
        wx.showToast({ title: '未授权手机号，可随时再来绑定', icon: 'none' })
        return
      }
      // declined in the privacy notice: it already said so
      if (answer.privacyDeclined) return
      if (answer.failed) {
        wx.showToast({ title: '没有拿到手机号，请重试', icon: 'none' })
        return
      }
      this.setData({ binding: true })
      try {
        // the phone code is used only once the notice is accepted, so it is still good after asking
        const bound = await this.notice().withNotice(() => client.mutate(BIND_PHONE, { input: { code: answer.code } }))
        if (bound.declined) return
        if (bound.result.signInAgain) {
          // the phone was on the card the brand imported from its old system: that card is now this
          // WeChat account's, and the sign-in that asked has ended; sign in as it
          await session.loginMember({ explicit: true })
          this.showMember(bound.result.member)
          wx.showToast({ title: '已找回您的会员卡', icon: 'success' })
          return
        }
        this.showMember(bound.result.member)
        wx.showToast({ title: '手机号已绑定', icon: 'success' })
      } catch (error) {
        showError(error)
      } finally {
        this.setData({ binding: false })
      }
    },

    // Message subscriptions: WeChat shows its dialog only from a tap, so this runs only on one.
    async loadTemplates() {
      this.setData({ templatesLoading: true, templatesFailed: false })
      try {
        const data = await client.request(SUBSCRIBE_TEMPLATES)
        this.showTemplates(data.subscribeTemplates)
        this.setData({ templatesLoading: false })
      } catch (e) {
        this.setData({ templatesLoading: false, templatesFailed: !this.showSignedOut(e) })
      }
    },
    /** Only the service reminders the member may subscribe to once are listed (lib/subscribe). */
    showTemplates(templates) {
      this.templates = subscribe.askable(templates)
      this.setData({ templates: this.templates.map(subscribe.templateView) })
    },
    subscribe() {
      if (this.data.subscribing || !this.templates || !this.templates.length) return
      const asked = subscribe.ask(this.templates, subscribe.pick(this.templates))
      this.setData({ subscribing: true })
      return asked.then(answer => {
        if (!answer.failed) return this.grant(answer.accepted)
        this.setData({ subscribing: false })
        wx.showModal({ title: '提示', content: '暂时无法订阅，请在小程序设置中打开“接收通知”后再试', showCancel: false })
      })
    },
    async grant(templateIds) {
      if (!templateIds.length) {
        this.setData({ subscribing: false })
        wx.showToast({ title: '未订阅，可随时再来开启', icon: 'none' })
        return
      }
      try {
        this.showTemplates(await subscribe.record(templateIds))
        wx.showToast({ title: `已订阅${templateIds.length}项提醒`, icon: 'success' })
      } catch (e) {
        showError(e)
      } finally {
        this.setData({ subscribing: false })
      }
    },

    // Links, staff login and logout.
    open(e) {
      wx.navigateTo({ url: e.currentTarget.dataset.url })
    },
    staffLogin() {
      wx.navigateTo({ url: '/staff/login/index' })
    },
    logout() {
      wx.showModal({
        title: '退出登录',
        content: '确定退出登录吗？',
        success: async res => {
          if (!res.confirm) return
          await session.logout('member')
          wx.showToast({ title: '已退出登录', icon: 'none' })
          wx.reLaunch({ url: '/pages/card/index' })
        }
      })
    }
  }
})
