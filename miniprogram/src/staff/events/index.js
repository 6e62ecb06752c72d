/**
 * 活动签到 (staff at the door): pick one of the store's events whose doors are open (an hour before
 * its start to its end), then scan each member's ticket
 * (their rotating member code, or type its 18 digits). The first scan records the attendance and gives
 * the event's points; a repeat says the member was already checked in and gives nothing. Staff of
 * another store cannot check members in (the API answers EVENT_NOT_FOUND).
 */
const client = require('../../api/client')
const { ApiError, showError } = require('../../api/errors')
const { STAFF_MEMBER_EVENTS, STAFF_CHECK_IN_AT_EVENT } = require('../../api/documents/events')
const roles = require('../lib/roles')
const scan = require('../lib/scan')
const { scanErrorMessage, tokenOf, typedCodeProblem } = require('../lib/member-card')
const format = require('../../lib/format')

const AT_THE_DOOR = ['PUBLISHED', 'PAUSED']
/** Doors open an hour before the start (as the API allows check-in) and close at the end. */
const DOORS_OPEN_MS = 3600 * 1000

/** Whether members may be checked in now: running, from an hour before the start to the end. */
function doorsOpen(node, now = Date.now()) {
  return AT_THE_DOOR.includes(node.status) && now >= Date.parse(node.startsAt) - DOORS_OPEN_MS && now < Date.parse(node.endsAt)
}

function eventRow(node) {
  return {
    id: node.id, title: node.title, time: format.dateTime(node.startsAt), store: node.store ? node.store.name : '',
    counts: `已到场 ${node.stats.attended} / 报名 ${node.stats.signedUp}`, points: node.points
  }
}

Component({
  data: {
    events: [], loading: true, failed: false, selected: null,
    scanning: false, manualCode: '', result: null, error: ''
  },
  methods: {
    onLoad() {
      if (!roles.signedInStaff()) return Promise.resolve()
      return this.load()
    },
    async load() {
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(STAFF_MEMBER_EVENTS, { filter: null }, { as: 'staff' })
        const events = data.memberEvents.edges.map(e => e.node).filter(n => doorsOpen(n)).map(eventRow)
        const selected = this.data.selected && events.find(e => e.id === this.data.selected.id)
        this.setData({ loading: false, events, selected: selected || (events.length === 1 ? events[0] : null) })
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    },
    retry() {
      return this.load()
    },
    choose(e) {
      const selected = this.data.events.find(ev => ev.id === e.currentTarget.dataset.id)
      this.setData({ selected, result: null, error: '' })
    },
    change() {
      this.setData({ selected: null, result: null, error: '' })
    },
    onManualInput(e) {
      this.setData({ manualCode: e.detail.value, error: '' })
    },
    async scan() {
      if (this.data.scanning) return
      let code
      try {
        code = await scan.camera()
      } catch (e) {
        this.setData({ error: e.message })
        return
      }
      if (code) await this.checkIn(code)
    },
    async lookUpManual() {
      const code = tokenOf(this.data.manualCode)
      const problem = typedCodeProblem(code)
      if (problem) {
        this.setData({ error: problem })
        return
      }
      await this.checkIn(code)
    },
    async checkIn(code) {
      if (!this.data.selected || this.data.scanning) return
      this.setData({ scanning: true, error: '', result: null })
      try {
        const payload = await client.mutate(STAFF_CHECK_IN_AT_EVENT,
          { input: { eventId: this.data.selected.id, memberCode: code } }, { as: 'staff' })
        this.setData({
          manualCode: '',
          result: {
            name: (payload.member && payload.member.nickname) || '会员',
            replayed: payload.replayed,
            text: payload.replayed ? '已签到过，不重复发放积分' : `签到成功，+${payload.signUp.pointsAwarded || 0} 积分`
          }
        })
        wx.vibrateShort({ type: 'light' })
        this.load()
      } catch (e) {
        const message = e instanceof ApiError && e.userErrors.length ? (scanErrorMessage(e) || e.message) : null
        if (message) this.setData({ error: message })
        else showError(e)
      } finally {
        this.setData({ scanning: false })
      }
    }
  }
})
