/**
 * One member event: what, when, where, places left and the points for coming; the member signs up
 * (a place, or the waiting list when it is full, with their position), or cancels before the deadline
 * they signed up under. A second tap changes nothing (the API answers the same sign-up). The 报名 tap
 * first asks WeChat for the event notice (EVENT_UPDATE: a place freed from the waiting list, the event
 * called off), as 我的 asks for the reminders, records what the member accepted, then signs up
 * whatever they answered.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { MEMBER_EVENT, SIGN_UP_FOR_EVENT, CANCEL_EVENT_SIGN_UP } = require('../../api/documents/events')
const { SUBSCRIBE_TEMPLATES } = require('../../api/documents/notify')
const { eventView } = require('../../lib/event-view')
const subscribe = require('../../lib/subscribe')

/** The notices an event's sign-up may bring. */
const EVENT_NOTICES = ['EVENT_UPDATE']

Component({
  data: { event: null, loading: true, failed: false, missing: false, busy: false, notice: '' },
  methods: {
    onLoad(query) {
      this.eventId = query.id
      this.notices = []
      // read before the tap: WeChat shows its subscribe dialog only straight from the tap
      this.loadNotices()
      return this.load()
    },
    /** The event notice's template, if the brand set one up; without it 报名 asks nothing. */
    async loadNotices() {
      try {
        const data = await client.request(SUBSCRIBE_TEMPLATES)
        this.notices = subscribe.forPurposes(data.subscribeTemplates, EVENT_NOTICES)
      } catch (e) {
        this.notices = []
      }
    },
    /** Asks for the event notice (inside the tap) and records what was accepted; never holds up the sign-up. */
    askForNotices() {
      if (!this.notices.length) return Promise.resolve()
      const templates = this.notices
      return subscribe.ask(templates, templates.map(t => t.templateId))
        .then(answer => (answer.accepted.length ? subscribe.record(answer.accepted) : null))
        .catch(() => null)
    },
    async load() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(MEMBER_EVENT, { id: this.eventId })
        const event = data.memberEvent
        this.setData({ loading: false, missing: !event, event: event ? eventView(event) : null })
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    },
    retry() {
      return this.load()
    },
    async signUp() {
      if (this.data.busy) return
      const asked = this.askForNotices()
      this.setData({ busy: true, notice: '' })
      try {
        await asked
        const payload = await client.mutate(SIGN_UP_FOR_EVENT, { input: { eventId: this.eventId } })
        const s = payload.signUp
        this.setData({ notice: s.status === 'WAITING' ? `名额已满，你在候补第 ${s.waitingPosition} 位，有人取消时自动递补并通知你` : '报名成功，活动当天在「我的活动」出示票券签到' })
        await this.load()
      } catch (e) {
        showError(e)
      } finally {
        this.setData({ busy: false })
      }
    },
    async cancel() {
      if (this.data.busy) return
      const confirmed = await new Promise(resolve => wx.showModal({
        title: '取消报名', content: this.data.event.waiting ? '确定退出候补吗？' : '取消后名额会让给候补的会员，确定取消吗？',
        confirmText: '取消报名', cancelText: '再想想', success: res => resolve(!!res.confirm), fail: () => resolve(false)
      }))
      if (!confirmed) return
      this.setData({ busy: true, notice: '' })
      try {
        await client.mutate(CANCEL_EVENT_SIGN_UP, { input: { eventId: this.eventId } })
        this.setData({ notice: '已取消报名' })
        await this.load()
      } catch (e) {
        showError(e)
      } finally {
        this.setData({ busy: false })
      }
    },
    openMine() {
      wx.navigateTo({ url: '/pages/my-events/index' })
    }
  }
})
