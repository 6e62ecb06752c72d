/**
 * The rendered structure of key pages (card, check-in, coupons, mine, till), compared with the
 * committed files in test/structure/: the tree of elements with their classes, the attributes
 * that change how built-in components look (disabled, size, ...) and their texts, normalized
 * (dates, order numbers). A change to a page's layout shows up here as a readable diff; when the
 * change is meant, rewrite the files with `UPDATE_STRUCTURE=1 npx jest test/structure.test.js`
 * and commit them with the change.
 */
const fs = require('fs')
const path = require('path')
const { loadPage, tap, type, blur } = require('./support/page')
const session = require('../src/api/session')
const handoff = require('../src/staff/lib/handoff')
const { builtInAttributes, SHOWN_ATTRIBUTES } = require('./shots/phone')
const { template } = require('./pages/coupons-fixtures')
const { signIn } = require('./staff/helpers')
const f = require('./staff/fixtures')

const DIR = path.join(__dirname, 'structure')
const NOW = new Date('2026-11-23T02:00:00Z') // 10:00 in China

/**
 * One line per element, indented by depth: its tag, classes without simulate's prefixes, shown
 * attributes and, when it holds only text, that text: `wx-button.checkin-button [disabled] "已签到"`.
 */
function structure(dom) {
  const lines = []
  const walk = (node, depth) => {
    const indent = '  '.repeat(depth)
    if (node.nodeType === 3) {
      const text = normalize(node.textContent.replace(/\s+/g, ' ').trim())
      if (text) lines.push(`${indent}"${text}"`)
      return
    }
    if (node.nodeType !== 1) return
    const tag = node.tagName.toLowerCase()
    const classes = Array.from(node.classList).map(c => c.replace(/^[a-z-]+?--/, '')).map(c => '.' + c).join('')
    const props = tag.startsWith('wx-') ? builtInAttributes(node) : new Map()
    const shown = SHOWN_ATTRIBUTES.filter(name => props.get(name) !== undefined && props.get(name) !== false && props.get(name) !== '')
      .map(name => (props.get(name) === true ? name : `${name}=${props.get(name)}`))
    if (tag === 'wx-input' || tag === 'wx-textarea') {
      if (props.get('value')) shown.push(`value=${normalize(String(props.get('value')))}`)
      else if (props.get('placeholder')) shown.push(`placeholder=${props.get('placeholder')}`)
    }
    const line = `${indent}${tag}${classes}${shown.length ? ` [${shown.join(' ')}]` : ''}`
    const children = Array.from(node.childNodes).filter(child => child.nodeType === 1 || child.textContent.trim())
    if (children.length === 1 && children[0].nodeType === 3) {
      lines.push(`${line} "${normalize(children[0].textContent.replace(/\s+/g, ' ').trim())}"`)
      return
    }
    lines.push(line)
    children.forEach(child => walk(child, depth + 1))
  }
  walk(dom, 0)
  return lines.join('\n') + '\n'
}

/** Texts that change from run to run: generated order numbers, times of day. */
function normalize(text) {
  return text.replace(/\b([TR])\d{14}-\d{4}\b/g, '$1<yyyyMMddHHmmss>-<nnnn>')
}

function expectStructure(name, page) {
  const actual = structure(page.dom)
  const file = path.join(DIR, `${name}.txt`)
  if (process.env.UPDATE_STRUCTURE) {
    fs.mkdirSync(DIR, { recursive: true })
    fs.writeFileSync(file, actual)
  }
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run UPDATE_STRUCTURE=1 npx jest test/structure.test.js and commit it`)
  expect(actual).toEqual(fs.readFileSync(file, 'utf8'))
}

const settle = () => jest.advanceTimersByTimeAsync(50)

async function open(pagePath) {
  const page = loadPage(pagePath)
  page.instance.onLoad({})
  if (page.instance.onShow) page.instance.onShow()
  await settle()
  return page
}

beforeEach(() => {
  jest.useFakeTimers({ now: NOW })
  session.save('member', { accessToken: 'a', refreshToken: 'r' })
})
afterEach(() => jest.useRealTimers())

test('theCardShowsTierBalanceGrowthAndTheMemberCode', async () => {
  const SILVER = { level: 1, name: '银卡', thresholdCents: 50000 }
  const GOLD = { level: 2, name: '金卡', thresholdCents: 200000 }
  wx.__server.on('MyCard', () => ({ me: { id: '7', nickname: 'alice', tier: { level: 1, name: '银卡' }, pointsBalance: 12345,
    pointsExpiringSoon: [{ points: 120, expiresAt: '2026-12-01T15:59:59Z' }],
    tierProgress: { current: SILVER, next: GOLD, averageMonthlySpendCents: 80000, spendNeededCents: 12050,
      progress: 0.4, monthsBelowThreshold: 0, keepRequirementCents: 50000 } } }))
  wx.__server.on('MemberCode', () => ({ memberCode: { token: 'code-1', digits: '881234567890123452', expiresAt: '2026-11-23T02:01:00Z' } }))
  wx.__server.on('MemberCodeScan', () => ({ memberCodeScan: null }))
  wx.__server.on('MyRecommendations', () => ({ recommendations: [
    { sku: 'LATTE', name: '拿铁', reason: '常与美式一起购买', source: 'BOUGHT_TOGETHER' }] }))
  wx.__server.on('MyWelcome', () => ({ myWelcome: null }))
  const page = await open('pages/card/index')
  tap(page, '.open-code')
  await settle()
  expectStructure('card', page)
})

test('theCheckInPageShowsStreaksAndAMonthGridOfWeeks', async () => {
  wx.__server.on('CheckInCalendar', () => ({ checkInCalendar: { month: '2026-11',
    days: ['2026-11-02', '2026-11-03', '2026-11-21', '2026-11-22'], makeUpDays: ['2026-11-05'],
    checkedInToday: false, currentStreak: 2, longestStreak: 3, todayReward: 5, tomorrowReward: 6, makeUpsLeft: 2, makeUpCost: 20 } }))
  expectStructure('checkin', await open('pages/checkin/index'))
})

test('theCouponsPageShowsTabsAndTickets', async () => {
  const coupon = (id, over) => ({ id, status: 'USABLE', source: 'CLAIM', validFrom: '2026-10-31T16:00:00Z',
    validUntil: '2026-11-30T15:59:59Z', obtainedAt: '2026-11-01T02:00:00Z', usedAt: null, template: template(over) })
  const nodes = [coupon('1'), coupon('2', { name: '秋季折扣券', kind: 'PERCENT_OFF', amountOffCents: null, thresholdCents: 0, percentOff: 15, maxDiscountCents: 3000 })]
  wx.__server.on('MyCoupons', () => ({ me: { id: '1', coupons: { totalCount: 2,
    edges: nodes.map(n => ({ cursor: 'c' + n.id, node: n })), pageInfo: { hasNextPage: false, endCursor: null } } } }))
  expectStructure('coupons', await open('pages/coupons/index'))
})

test('mineShowsTheProfilePhoneSubscriptionsAndLinks', async () => {
  wx.__server.on('MineProfile', () => ({ me: { id: '1', nickname: '小爱', avatarUrl: null, phone: '138****1234',
    birthday: '1992-05-08', gender: 'FEMALE', tier: { level: 1, name: '银卡' } } }))
  wx.__server.on('SubscribeTemplates', () => ({ subscribeTemplates: [
    { purpose: 'BIRTHDAY', templateId: 'tmpl-birthday', remainingConsents: 2 },
    { purpose: 'POINTS_EXPIRING', templateId: 'tmpl-points', remainingConsents: 0 }] }))
  expectStructure('mine', await open('pages/mine/index'))
})

test('theTillShowsTheScannedMemberAndTheOrderForm', async () => {
  handoff.clear()
  signIn('CLERK')
  wx.__server.on('StaffCurrent', () => f.currentStaff('CLERK'))
  wx.__server.on('StaffScanMemberCode', () => f.scanned())
  wx.__server.on('StaffCouponsForOrder', () => ({ couponsForOrder: [f.coupon('c1', '满100减20', true, 2000),
    f.coupon('c2', '满300减50', false, 0, '未达到使用门槛¥300')] }))
  wx.scanCode.mockImplementation(options => options.success({ result: 'code-123', scanType: 'QR_CODE' }))
  const page = await open('staff/till/index')
  tap(page, '.scan-button')
  await settle()
  type(page, '.amount', '128.50')
  blur(page, '.amount')
  await settle()
  expectStructure('till', page)
})
