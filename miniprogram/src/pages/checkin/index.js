/**
 * Check-in (tab): the month calendar with checked, made-up and missed days, streaks, today's
 * button (one check-in however often it is tapped) and make-ups of missed days for points.
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { CHECK_IN_CALENDAR, CHECK_IN, MAKE_UP_CHECK_IN } = require('../../api/documents/checkin')
const calendarLib = require('../../lib/calendar')
const checkin = require('../../lib/checkin')
const format = require('../../lib/format')
const signedOut = require('../../behaviors/signed-out')

const today = () => format.today(Date.now())

Component({
  behaviors: [signedOut],
  data: {
    loading: true,
    failed: false,
    month: '',
    title: '',
    weekdays: calendarLib.WEEKDAYS,
    cells: [],
    canNext: false,
    currentStreak: 0,
    longestStreak: 0,
    button: { text: '签到', disabled: true, done: false },
    tomorrowText: '',
    makeUpText: '',
    resultText: ''
  },
  methods: {
    onLoad() {
      return this.load(today().slice(0, 7))
    },
    onShow() {
      // Coming back (another day, perhaps): show what is true now, without a loading screen.
      if (this.wasHidden) return this.load(this.data.month || today().slice(0, 7))
    },
    onHide() {
      this.wasHidden = true
    },
    reloadAfterSignIn() {
      return this.load(this.data.month || today().slice(0, 7))
    },
    onPullDownRefresh() {
      return this.load(this.data.month).then(() => wx.stopPullDownRefresh())
    },
    /** Loads a month; an answer for a month no longer shown is dropped. */
    async load(month) {
      const seq = (this.seq || 0) + 1
      this.seq = seq
      const showing = this.calendar && this.calendar.month === month
      this.setData({ month, title: calendarLib.monthTitle(month), canNext: calendarLib.canGoNext(month, today()),
        loading: !showing, failed: false })
      try {
        const data = await client.request(CHECK_IN_CALENDAR, { month })
        if (seq === this.seq) this.apply(data.checkInCalendar)
      } catch (e) {
        if (seq !== this.seq) return
        const out = this.showSignedOut(e)
        this.setData({ loading: false, failed: !showing && !out })
        if (!out) showError(e)
      }
    },
    /** Shows a calendar: today's part always (every calendar carries it), the grid when its month is shown. */
    apply(calendar) {
      this.todayCalendar = calendar
      const view = {
        currentStreak: calendar.currentStreak,
        longestStreak: calendar.longestStreak,
        button: checkin.buttonView(calendar, !!this.checkingIn),
        tomorrowText: checkin.tomorrowText(calendar),
        makeUpText: checkin.makeUpText(calendar)
      }
      if (calendar.month === this.data.month) {
        this.calendar = calendar
        const grid = calendarLib.monthGrid(calendar, today())
        Object.assign(view, { loading: false, failed: false, cells: grid.cells, title: grid.title })
      }
      this.setData(view)
    },
    prevMonth() {
      return this.load(calendarLib.addMonths(this.data.month, -1))
    },
    nextMonth() {
      if (!calendarLib.canGoNext(this.data.month, today())) return Promise.resolve()
      return this.load(calendarLib.addMonths(this.data.month, 1))
    },
    retry() {
      return this.load(this.data.month)
    },
    /** Today's check-in: one request however often the button is tapped. */
    async onCheckIn() {
      if (this.checkingIn || this.data.button.disabled) return
      this.checkingIn = true
      this.setData({ button: checkin.buttonView(this.todayCalendar, true) })
      try {
        // Safe to resend: a second check-in the same day is refused, never counted twice.
        const payload = await client.mutate(CHECK_IN, {}, { idempotent: true })
        this.checkingIn = false
        this.setData({ resultText: checkin.resultText(payload.checkIn) })
        wx.showToast({ title: `签到成功 +${format.points(payload.checkIn.points)}积分`, icon: 'success' })
        this.apply(payload.calendar)
      } catch (e) {
        this.checkingIn = false
        if (e.code === 'ALREADY_CHECKED_IN') {
          this.apply(Object.assign({}, this.todayCalendar, { checkedInToday: true, todayReward: 0 }))
          this.load(this.data.month)
        } else {
          this.setData({ button: checkin.buttonView(this.todayCalendar, false) })
          showError(e)
        }
      }
    },
    /** A tap on a day: a missed day of this month can be made up, after a confirmation stating the cost. */
    onDayTap(event) {
      const day = event.currentTarget.dataset.day
      const cell = this.data.cells.find(c => c.day === day)
      if (!cell || this.makingUp) return
      if (!cell.canMakeUp) {
        if (cell.state === 'missed' && day.slice(0, 7) === today().slice(0, 7)) wx.showToast({ title: '本月补签次数已用完', icon: 'none' })
        return
      }
      wx.showModal(Object.assign(checkin.makeUpConfirm(day, this.calendar), {
        success: res => {
          if (res.confirm) this.makeUp(day)
        }
      }))
    },
    async makeUp(day) {
      if (this.makingUp) return
      this.makingUp = true
      wx.showLoading({ title: '补签中', mask: true })
      try {
        const payload = await client.mutate(MAKE_UP_CHECK_IN, { input: { day } })
        wx.hideLoading()
        wx.showToast({ title: '补签成功', icon: 'success' })
        this.setData({ resultText: checkin.resultText(payload.checkIn) })
        this.apply(payload.calendar)
      } catch (e) {
        wx.hideLoading()
        showError(e)
        this.load(this.data.month)
      } finally {
        this.makingUp = false
      }
    }
  }
})
