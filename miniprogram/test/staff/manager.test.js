/** The manager page: today's numbers formatted, and the follow-up call list with status updates. */
const { loadPage, flush, text, texts, tap } = require('../support/page')
const { holdRequests, signIn, type } = require('./helpers')

const NUMBERS = {
  day: '2026-11-23', storeId: '1', newMembers: 12, orders: 1234, salesCents: 8765432, buyers30d: 240,
  repurchaseRate30d: 0.375, pointsLiability: 1234567, pointsLiabilityCents: 1234567
}

function task(n) {
  return { id: 'f' + n, reason: n % 2 ? '60天未到店，券包未使用' : '咖啡豆快用完了', status: 'OPEN', note: null,
    dueOn: '2026-11-23', createdAt: '2026-11-22T16:00:00Z', member: { id: 'm' + n, nickname: '会员' + n, phone: '139****000' + (n % 10) } }
}

function tasksPage(from, count, total, hasNext) {
  const edges = []
  for (let n = from; n < from + count; n++) edges.push({ node: task(n) })
  return { followUpTasks: { totalCount: total, pageInfo: { hasNextPage: hasNext, endCursor: hasNext ? 'c' + (from + count - 1) : null }, edges } }
}

beforeEach(() => {
  signIn('STORE_MANAGER')
  wx.__server.on('StaffTodayNumbers', () => ({ todayNumbers: NUMBERS }))
  wx.__server.on('StaffFollowUpTasks', vars => (vars.after ? tasksPage(21, 2, 22, false) : tasksPage(1, 20, 22, true)))
  wx.__server.on('StaffUpdateFollowUpTask', vars => ({ updateFollowUpTask: {
    task: { id: vars.input.taskId, status: vars.input.status, note: vars.input.note || null, updatedAt: '2026-11-23T03:00:00Z' }, userErrors: [] } }))
})

async function open() {
  const page = loadPage('staff/manager/index')
  await page.instance.onLoad({})
  await flush()
  return page
}

test('todaysNumbersAreFormattedAsMoneyPercentAndPoints', async () => {
  const page = await open()
  expect(wx.__server.calls('StaffTodayNumbers')).toEqual([{ storeId: null }])
  expect(text(page, '.numbers-day')).toBe('2026-11-23 · 本店')
  expect(text(page, '.new-members')).toBe('12')
  expect(text(page, '.orders')).toBe('1,234')
  expect(text(page, '.sales')).toBe('¥87654.32')
  expect(text(page, '.buyers')).toBe('240')
  expect(text(page, '.repurchase-rate')).toBe('37.5%')
  expect(text(page, '.points-liability')).toBe('1,234,567')
  expect(text(page, '.points-liability-value')).toBe('¥12345.67')
})

test('failedNumbersSaySoAndATapTriesAgain', async () => {
  let up = false
  wx.__server.on('StaffTodayNumbers', () => (up ? { todayNumbers: NUMBERS } : { statusCode: 500, data: null }))
  jest.useFakeTimers()
  const page = loadPage('staff/manager/index')
  page.instance.onLoad({})
  await jest.advanceTimersByTimeAsync(3000)
  jest.useRealTimers()
  await flush()
  expect(text(page, '.numbers-failed')).toBe('加载失败，点击重试')
  up = true
  tap(page, '.numbers-failed')
  await flush()
  expect(text(page, '.repurchase-rate')).toBe('37.5%')
})

test('theCallListShowsOpenTasksWithMaskedPhoneAndReason', async () => {
  const page = await open()
  expect(wx.__server.calls('StaffFollowUpTasks')[0]).toEqual({ storeId: null, status: 'OPEN', first: 20, after: null })
  expect(text(page, '.task-count')).toBe('共 22 位')
  expect(texts(page, '.task-name').slice(0, 2)).toEqual(['会员1', '会员2'])
  expect(texts(page, '.task-phone')[0]).toBe('139****0001')
  expect(texts(page, '.task-reason')[0]).toBe('60天未到店，券包未使用')
  expect(texts(page, '.task').length).toBe(20)
})

test('scrollingToTheBottomLoadsTheNextPageOnce', async () => {
  const page = await open()
  const inFlight = holdRequests()
  page.instance.onReachBottom()
  page.instance.onReachBottom()
  await flush()
  expect(inFlight.count).toBe(1)
  inFlight.release()
  await flush()
  expect(wx.__server.calls('StaffFollowUpTasks')[1]).toEqual({ storeId: null, status: 'OPEN', first: 20, after: 'c20' })
  expect(texts(page, '.task').length).toBe(22)
  expect(text(page, '.no-more')).toBe('没有更多了')
  page.instance.onReachBottom()
  await flush()
  expect(wx.__server.calls('StaffFollowUpTasks')).toHaveLength(2)
})

test('settingAStatusWithANoteRecordsItAndTakesTheTaskOffTheList', async () => {
  const page = await open()
  type(page, '.task-note', '已约周六到店')
  await flush()
  tap(page, '.action-REACHED')
  tap(page, '.action-REACHED')
  await flush()
  expect(wx.__server.calls('StaffUpdateFollowUpTask')).toEqual([{ input: { taskId: 'f1', status: 'REACHED', note: '已约周六到店' } }])
  expect(texts(page, '.task-name')[0]).toBe('会员2')
  expect(text(page, '.task-count')).toBe('共 21 位')
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已记录：已联系' }))
})

test('eachStatusButtonSendsItsStatusWithoutANoteWhenNoneIsTyped', async () => {
  const page = await open()
  expect(texts(page, '.task')[0]).toContain('未接通')
  expect(texts(page, '.task-action').slice(0, 4)).toEqual(['未接通', '已联系', '拒绝回访', '已完成'])
  tap(page, '.action-NO_ANSWER')
  await flush()
  tap(page, '.action-DECLINED')
  await flush()
  tap(page, '.action-DONE')
  await flush()
  expect(wx.__server.calls('StaffUpdateFollowUpTask').map(v => v.input)).toEqual([
    { taskId: 'f1', status: 'NO_ANSWER' }, { taskId: 'f2', status: 'DECLINED' }, { taskId: 'f3', status: 'DONE' }
  ])
})

test('aRefusedUpdateKeepsTheTaskAndSaysWhy', async () => {
  wx.__server.on('StaffUpdateFollowUpTask', () => ({ updateFollowUpTask: { task: null,
    userErrors: [{ field: ['input', 'taskId'], message: '没有这个回访任务', code: 'FOLLOW_UP_NOT_FOUND' }] } }))
  const page = await open()
  tap(page, '.action-DONE')
  await flush()
  expect(texts(page, '.task-name')[0]).toBe('会员1')
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有这个回访任务' }))
})

test('anEmptyCallListSaysSo', async () => {
  wx.__server.on('StaffFollowUpTasks', () => tasksPage(1, 0, 0, false))
  const page = await open()
  expect(text(page, '.tasks-empty')).toBe('暂无待回访的会员')
})

test('clerksAreToldTheManagerPageIsForManagers', async () => {
  signIn('CLERK')
  const page = await open()
  expect(text(page, '.denied')).toBe('仅店长可查看店长看板')
  expect(wx.__server.requests).toEqual([])
})

test('anAdminSeesTheBrandUntilTheyPickAStoreForTheCallList', async () => {
  signIn('ADMIN')
  wx.__server.on('StaffStores', () => ({
    stores: { edges: [{ node: { id: '1', name: '徐汇店' } }, { node: { id: '2', name: '静安店' } }] }
  }))
  wx.__server.on('StaffTodayNumbers', vars => ({ todayNumbers: Object.assign({}, NUMBERS, { storeId: vars.storeId }) }))
  const page = await open()
  expect(text(page, '.numbers-day')).toBe('2026-11-23 · 全品牌')
  expect(text(page, '.no-store')).toBe('请选择门店查看回访名单')
  expect(wx.__server.calls('StaffFollowUpTasks')).toEqual([])
  const picker = page.querySelector('#store-picker')
  expect(picker.querySelector('.store-current').dom.textContent).toBe('门店：全品牌 ▾')
  picker.querySelector('.store-choose').dispatchEvent('change', { detail: { value: 2 } })
  await flush()
  await flush()
  expect(wx.__server.calls('StaffTodayNumbers')[1]).toEqual({ storeId: '2' })
  expect(wx.__server.calls('StaffFollowUpTasks')[0].storeId).toBe('2')
  expect(text(page, '.numbers-day')).toBe('2026-11-23 · 所选门店')
  expect(picker.querySelector('.store-current').dom.textContent).toBe('门店：静安店 ▾')
})

describe('the call button', () => {
  beforeEach(() => {
    wx.__server.on('StaffRevealMemberPhone', vars => ({ revealMemberPhone: {
      phone: '1390000000' + vars.input.memberId.slice(1), userErrors: [] } }))
  })

  test('callingAMemberRevealsTheirNumberForThisTaskAndDialsIt', async () => {
    const page = await open()
    expect(texts(page, '.task-call')[0]).toBe('拨打')
    tap(page, '.task-call')
    tap(page, '.task-call')
    await flush()
    expect(wx.__server.calls('StaffRevealMemberPhone')).toEqual([{ input: { memberId: 'm1', followUpTaskId: 'f1' } }])
    expect(wx.__server.requests.find(r => r.operationName === 'StaffRevealMemberPhone').headers.Authorization)
      .toBe('Bearer staff-a')
    expect(wx.makePhoneCall).toHaveBeenCalledTimes(1)
    expect(wx.makePhoneCall.mock.calls[0][0].phoneNumber).toBe('13900000001')
    expect(texts(page, '.task-call')[0]).toBe('拨打')
  })

  test('whileTheNumberIsFetchedTheButtonSaysSo', async () => {
    const page = await open()
    const inFlight = holdRequests()
    tap(page, '.task-call')
    await flush()
    expect(texts(page, '.task-call')[0]).toBe('获取号码…')
    inFlight.release()
    await flush()
    expect(texts(page, '.task-call')[0]).toBe('拨打')
  })

  test('aMemberWithoutAPhoneHasNoCallButton', async () => {
    wx.__server.on('StaffFollowUpTasks', () => {
      const page = tasksPage(1, 1, 1, false)
      page.followUpTasks.edges[0].node.member.phone = null
      return page
    })
    const page = await open()
    expect(texts(page, '.task-phone')).toEqual(['未绑定手机'])
    expect(page.querySelector('.task-call')).toBeFalsy()
  })

  test('aRefusedRevealSaysWhyAndDialsNothing', async () => {
    wx.__server.on('StaffRevealMemberPhone', () => ({ revealMemberPhone: { phone: null,
      userErrors: [{ field: ['input', 'memberId'], message: '该会员未绑定手机号，无法拨打', code: 'PHONE_NOT_BOUND' }] } }))
    const page = await open()
    tap(page, '.task-call')
    await flush()
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该会员未绑定手机号，无法拨打' }))
    expect(wx.makePhoneCall).not.toHaveBeenCalled()
    expect(texts(page, '.task-call')[0]).toBe('拨打')
  })
})

describe('the store code', () => {
  test('aManagerShowsTheirStoresCodeForTheCounterOnlyWhenAsked', async () => {
    wx.__server.on('StaffStoreMiniProgramCode', () => ({ storeMiniProgramCode: { scene: 's=1', imagePath: '/wxacode/s1.png' } }))
    const page = await open()
    expect(wx.__server.calls('StaffStoreMiniProgramCode')).toEqual([])
    expect(text(page, '.show-store-code')).toBe('显示门店小程序码')
    tap(page, '.show-store-code')
    await flush()
    expect(wx.__server.calls('StaffStoreMiniProgramCode')).toEqual([{ storeId: null }])
    expect(page.querySelector('.store-code-image')).toBeTruthy()
    expect(page.instance.data.storeCodeUrl).toBe('http://127.0.0.1:8080/wxacode/s1.png')
    expect(text(page, '.store-code-note')).toBe('长按图片可保存，打印后放在收银台')
  })

  test('aCodeThatCannotBeMadeSaysSoAndATapTriesAgain', async () => {
    let up = false
    wx.__server.on('StaffStoreMiniProgramCode', () => (up ? { storeMiniProgramCode: { scene: 's=1', imagePath: '/wxacode/s1.png' } }
      : { errors: [{ message: '微信服务暂时不可用，请稍后再试', extensions: { code: 'WECHAT_UNAVAILABLE' } }] }))
    const page = await open()
    tap(page, '.show-store-code')
    await flush()
    expect(text(page, '.store-code-failed')).toBe('加载失败，点击重试')
    up = true
    tap(page, '.store-code-failed')
    await flush()
    expect(page.querySelector('.store-code-image')).toBeTruthy()
  })

  test('anAdminPicksAStoreFirst', async () => {
    signIn('ADMIN')
    wx.__server.on('StaffStores', () => ({ stores: { edges: [{ node: { id: '2', name: '静安店' } }] } }))
    const page = await open()
    tap(page, '.show-store-code')
    await flush()
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先选择门店' }))
    expect(wx.__server.calls('StaffStoreMiniProgramCode')).toEqual([])
  })
})
