/**
 * The manager's page: today's key numbers and the store's open follow-up calls from the
 * automation, each closed with how the call went. An admin picks a store (numbers may also be
 * for the whole brand; the call list always belongs to one store).
 */
const client = require('../../api/client')
const { showError } = require('../../api/errors')
const { TODAY_NUMBERS, FOLLOW_UP_TASKS, UPDATE_FOLLOW_UP_TASK, REVEAL_MEMBER_PHONE, STORE_MINI_PROGRAM_CODE } =
  require('../../api/documents/staff')
const config = require('../../config')
const view = require('../lib/manager-view')
const roles = require('../lib/roles')
const storeChoice = require('../lib/store-choice')

const PAGE_SIZE = 20

Component({
  data: {
    allowed: true,
    needsStore: false,
    storeId: '',
    numbers: null,
    numbersLoading: true,
    numbersFailed: false,
    actions: view.STATUS_ACTIONS,
    tasks: [],
    totalCount: 0,
    tasksLoading: true,
    tasksFailed: false,
    noStore: false,
    hasNext: false,
    endCursor: null,
    loadingMore: false,
    moreFailed: false,
    storeCodeShown: false,
    storeCodeLoading: false,
    storeCodeFailed: false,
    storeCodeUrl: ''
  },
  methods: {
    goOrders() {
      wx.navigateTo({ url: '/staff/orders/index' })
    },
    onLoad() {
      const staff = roles.signedInStaff()
      if (!staff) return
      const role = staff.role
      if (!roles.canSeeManager(role)) {
        this.setData({ allowed: false })
        return
      }
      const needsStore = roles.needsStoreChoice(role)
      this.setData({ allowed: true, needsStore, storeId: needsStore ? storeChoice.get() || '' : '' })
      return this.loadAll()
    },
    onPullDownRefresh() {
      if (!this.data.allowed) return wx.stopPullDownRefresh()
      return this.loadAll().then(() => wx.stopPullDownRefresh())
    },
    onReachBottom() {
      return this.loadMore()
    },
    loadAll() {
      return Promise.all([this.loadNumbers(), this.loadTasks()])
    },
    /** Store staff send no storeId (their own store); an admin sends their choice, or none for the brand. */
    storeArg() {
      return this.data.needsStore && this.data.storeId ? this.data.storeId : null
    },
    onStoreChange(e) {
      const storeId = e.detail.storeId
      if (storeId) storeChoice.set(storeId)
      this.setData({ storeId, storeCodeShown: false, storeCodeUrl: '' })
      return this.loadAll()
    },

    /** The store's mini-program code for the counter, fetched when asked for (WeChat makes it once). */
    async showStoreCode() {
      if (this.data.storeCodeLoading) return
      if (this.data.needsStore && !this.data.storeId) {
        wx.showToast({ title: '请先选择门店', icon: 'none' })
        return
      }
      this.setData({ storeCodeShown: true, storeCodeLoading: true, storeCodeFailed: false })
      try {
        const data = await client.request(STORE_MINI_PROGRAM_CODE, { storeId: this.storeArg() }, { as: 'staff' })
        this.setData({ storeCodeLoading: false, storeCodeUrl: config.apiUrl() + data.storeMiniProgramCode.imagePath })
      } catch (err) {
        this.setData({ storeCodeLoading: false, storeCodeFailed: true })
        showError(err)
      }
    },

    async loadNumbers() {
      this.setData({ numbersLoading: true, numbersFailed: false })
      try {
        const data = await client.request(TODAY_NUMBERS, { storeId: this.storeArg() }, { as: 'staff' })
        this.setData({ numbersLoading: false, numbers: view.numbersView(data.todayNumbers, this.data.needsStore) })
      } catch (e) {
        this.setData({ numbersLoading: false, numbersFailed: true })
        showError(e)
      }
    },

    tasksVariables(after) {
      return { storeId: this.storeArg(), status: 'OPEN', first: PAGE_SIZE, after: after || null }
    },
    async loadTasks() {
      this.tasksSeq = (this.tasksSeq || 0) + 1
      const seq = this.tasksSeq
      if (this.data.needsStore && !this.data.storeId) {
        this.setData({ noStore: true, tasksLoading: false, tasksFailed: false, tasks: [], totalCount: 0, hasNext: false })
        return
      }
      this.setData({ noStore: false, tasksLoading: true, tasksFailed: false, moreFailed: false })
      try {
        const data = await client.request(FOLLOW_UP_TASKS, this.tasksVariables(), { as: 'staff' })
        if (seq !== this.tasksSeq) return
        const page = data.followUpTasks
        this.setData({
          tasksLoading: false,
          tasks: view.appendTasks([], page),
          totalCount: page.totalCount,
          hasNext: page.pageInfo.hasNextPage,
          endCursor: page.pageInfo.endCursor
        })
      } catch (e) {
        if (seq !== this.tasksSeq) return
        this.setData({ tasksLoading: false, tasksFailed: true })
        showError(e)
      }
    },
    /** The next page of calls, once at a time, while there are more. */
    async loadMore() {
      if (!this.data.allowed || this.data.loadingMore || this.data.tasksLoading || !this.data.hasNext) return
      const seq = this.tasksSeq
      this.setData({ loadingMore: true, moreFailed: false })
      try {
        const data = await client.request(FOLLOW_UP_TASKS, this.tasksVariables(this.data.endCursor), { as: 'staff' })
        if (seq !== this.tasksSeq) return
        const page = data.followUpTasks
        this.setData({
          loadingMore: false,
          tasks: view.appendTasks(this.data.tasks, page),
          totalCount: page.totalCount,
          hasNext: page.pageInfo.hasNextPage,
          endCursor: page.pageInfo.endCursor
        })
      } catch (e) {
        if (seq !== this.tasksSeq) return
        this.setData({ loadingMore: false, moreFailed: true })
        showError(e)
      }
    },

    updateTask(id, changes) {
      this.setData({ tasks: this.data.tasks.map(t => (t.id === id ? Object.assign({}, t, changes) : t)) })
    },
    onNoteInput(e) {
      this.updateTask(e.currentTarget.dataset.id, { note: e.detail.value })
    },
    /**
     * Calls the task's member: asks for the full number (revealed for this task only, audited by
     * the backend), then dials it. Sent once: a reveal is not resent after a network failure.
     */
    async call(e) {
      const { id } = e.currentTarget.dataset
      const task = this.data.tasks.find(t => t.id === id)
      if (!task || task.calling || !task.canCall) return
      this.updateTask(id, { calling: true })
      try {
        const payload = await client.mutate(REVEAL_MEMBER_PHONE,
          { input: { memberId: task.memberId, followUpTaskId: id } }, { as: 'staff' })
        this.updateTask(id, { calling: false })
        wx.makePhoneCall({ phoneNumber: payload.phone, fail: () => {} })
      } catch (err) {
        this.updateTask(id, { calling: false })
        showError(err)
      }
    },
    /** Records how the call went; the task leaves the open list. */
    async setStatus(e) {
      const { id, status } = e.currentTarget.dataset
      const task = this.data.tasks.find(t => t.id === id)
      if (!task || task.busy) return
      this.updateTask(id, { busy: true })
      const input = { taskId: id, status }
      const note = task.note.trim()
      if (note) input.note = note
      try {
        await client.mutate(UPDATE_FOLLOW_UP_TASK, { input }, { as: 'staff', idempotent: true })
        this.setData({
          tasks: this.data.tasks.filter(t => t.id !== id),
          totalCount: Math.max(0, this.data.totalCount - 1)
        })
        wx.showToast({ title: `已记录：${view.STATUS_NAMES[status]}`, icon: 'none' })
        if (this.data.tasks.length < PAGE_SIZE / 2) this.loadMore()
      } catch (err) {
        this.updateTask(id, { busy: false })
        showError(err)
      }
    }
  }
})
