/** Adjusting points by hand: managers only, a signed whole number and a reason, counted once per intent. */
const { loadPage, flush, text, tap } = require('../support/page')
const handoff = require('../../src/staff/lib/handoff')
const { cardView } = require('../../src/staff/lib/member-card')
const { type, holdRequests, signIn, userError } = require('./helpers')
const f = require('./fixtures')

beforeEach(() => {
  handoff.clear()
  signIn('STORE_MANAGER')
  wx.__server.on('StaffAdjustPoints', vars => ({ adjustPoints: { replayed: false,
    member: { id: 'm1', nickname: '小美', phone: '138****1234', pointsBalance: 1250 + vars.input.delta }, userErrors: [] } }))
})

function open(withMember = true) {
  if (withMember) handoff.put('adjustMember', cardView(f.scanned().scanMemberCode.card))
  const page = loadPage('staff/adjust/index')
  page.instance.onLoad({})
  return page
}

const adjustments = () => wx.__server.calls('StaffAdjustPoints')

async function fill(page, points, reason) {
  type(page, '.points', points)
  type(page, '.reason', reason)
  await flush()
}

test('aGrantAboveTheManagersCapIsShownAsWaitingForAnAdminsApproval', async () => {
  wx.__server.on('StaffAdjustPoints', () => ({ adjustPoints: { replayed: false,
    member: { id: 'm1', nickname: '小美', phone: '138****1234', pointsBalance: 1250 },
    pendingApproval: { id: 'a1', delta: 800, capReason: '单次超过 500 积分' }, userErrors: [] } }))
  const page = open()
  await fill(page, '800', '大额补偿')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.adjust-pending')).toBe('+800 超出您的权限上限（单次超过 500 积分），已提交管理员审批，批准后到账；当前余额 1,250')
  expect(text(page, '.adjust-result')).toBeNull()
  expect(text(page, '.member-balance')).toBe('1,250')
})

test('clerksAreToldOnlyManagersMayAdjustAndSeeNoForm', () => {
  signIn('CLERK')
  const page = open()
  expect(text(page, '.denied')).toBe('仅店长可调整积分')
  expect(text(page, '.adjust-form')).toBeNull()
  expect(text(page, '.member-card')).toBeNull()
})

test('aManagerAddsPointsWithAReasonAndSeesTheNewBalance', async () => {
  const page = open()
  expect(text(page, '.member-balance')).toBe('1,250')
  await fill(page, '100', '系统故障补发')
  tap(page, '.submit-button')
  await flush()
  const [call] = adjustments()
  expect(call.input).toEqual({ memberId: 'm1', delta: 100, reason: '系统故障补发', idempotencyKey: expect.stringMatching(/^adjust-/) })
  expect(text(page, '.adjust-result')).toBe('已调整 +100，新余额 1,350')
  expect(text(page, '.member-balance')).toBe('1,350')
  expect(handoff.take('adjustedBalance')).toEqual({ id: 'm1', balance: 1350 })
})

test('theMinusToggleTakesPoints', async () => {
  const page = open()
  tap(page, '.sign-take')
  await flush()
  expect(text(page, '.submit-button')).toBe('确认扣减')
  await fill(page, '50', '误加回收')
  tap(page, '.submit-button')
  await flush()
  expect(adjustments()[0].input.delta).toBe(-50)
  expect(text(page, '.adjust-result')).toBe('已调整 -50，新余额 1,200')
})

test.each([
  ['0', '原因', '.error-points', '请输入大于 0 的整数积分'],
  ['1.5', '原因', '.error-points', '请输入大于 0 的整数积分'],
  ['-3', '原因', '.error-points', '请输入大于 0 的整数积分'],
  ['10', '   ', '.error-reason', '请填写调整原因']
])('points "%s" with reason "%s" are refused before sending', async (points, reason, selector, message) => {
  const page = open()
  await fill(page, points, reason)
  tap(page, '.submit-button')
  await flush()
  expect(text(page, selector)).toBe(message)
  expect(adjustments()).toEqual([])
})

test('takingMoreThanTheBalanceIsRefusedBeforeSending', async () => {
  const page = open()
  tap(page, '.sign-take')
  await fill(page, '2000', '回收')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-points')).toBe('会员只有 1,250 积分，不能扣减 2,000')
  expect(adjustments()).toEqual([])
})

test('aDoubleTapAdjustsOnce', async () => {
  const page = open()
  await fill(page, '100', '补发')
  const inFlight = holdRequests()
  tap(page, '.submit-button')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.submit-button')).toBe('提交中…')
  expect(inFlight.count).toBe(1)
  inFlight.release()
  await flush()
  expect(adjustments()).toHaveLength(1)
})

test('aRetryAfterAFailureReusesTheKeyButANewAdjustmentGetsANewOne', async () => {
  let fail = true
  wx.__server.on('StaffAdjustPoints', () => (fail ? { statusCode: 502, data: null }
    : { adjustPoints: { replayed: true, member: { id: 'm1', pointsBalance: 1350 }, userErrors: [] } }))
  const page = open()
  await fill(page, '100', '补发')
  jest.useFakeTimers()
  tap(page, '.submit-button')
  await jest.advanceTimersByTimeAsync(2000)
  jest.useRealTimers()
  await flush()
  expect(adjustments()).toHaveLength(3)
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务开小差了，请稍后重试' }))
  fail = false
  tap(page, '.submit-button')
  await flush()
  const keys = adjustments().map(v => v.input.idempotencyKey)
  expect(new Set(keys).size).toBe(1)
  expect(text(page, '.replayed')).toBe('该调整已记录过，未重复调整')
  await fill(page, '20', '另一次')
  tap(page, '.submit-button')
  await flush()
  const last = adjustments()[adjustments().length - 1].input.idempotencyKey
  expect(last).not.toBe(keys[0])
})

test('aRefusalFromTheBackendIsShownAtItsField', async () => {
  wx.__server.on('StaffAdjustPoints', () => ({ adjustPoints: userError('delta', 'INSUFFICIENT_POINTS', '会员可用积分不足', { replayed: false, member: null }) }))
  const page = open()
  await fill(page, '10', '补发')
  tap(page, '.submit-button')
  await flush()
  expect(text(page, '.error-points')).toBe('会员可用积分不足')
})

test('openedWithoutAMemberTheManagerScansOneHere', async () => {
  wx.__server.on('StaffScanMemberCode', () => f.scanned())
  wx.scanCode.mockImplementation(options => options.success({ result: 'code-9' }))
  const page = open(false)
  expect(text(page, '.adjust-form')).toBeNull()
  tap(page, '.scan-button')
  await flush()
  expect(text(page, '.member-name')).toBe('小美')
  expect(text(page, '.adjust-form')).not.toBeNull()
})

test('anExpiredCodeHereAlsoAsksForARefresh', async () => {
  wx.__server.on('StaffScanMemberCode', () => f.scanRefused('CODE_EXPIRED'))
  wx.scanCode.mockImplementation(options => options.success({ result: 'code-9' }))
  const page = open(false)
  tap(page, '.scan-button')
  await flush()
  expect(text(page, '.scan-error')).toBe('会员码已过期，请会员在会员卡页刷新会员码后重新出示')
})
