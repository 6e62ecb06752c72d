/**
 * The stamp-card page (集章卡): each card's stamps drawn, progress, reward, rule and period end;
 * loading, empty and error states; and the card page's monthly tier benefits with their states.
 */
const { loadPage, flush, text, texts } = require('../support/page')
const session = require('../../src/api/session')

function card(overrides = {}) {
  return Object.assign({ cardId: '1', name: '集五杯送一杯', stampsNeeded: 5, stamps: 3, rule: '购买「咖啡」类商品',
    period: '自然月内（当月底结束）', reward: '奖励 300 积分', startedAt: '2026-11-03T02:00:00Z',
    endsAt: '2026-11-30T16:00:00Z', paused: false, completedCount: 0 }, overrides)
}

beforeEach(() => session.save('member', { accessToken: 'a', refreshToken: 'r' }))
afterEach(() => jest.useRealTimers())

async function openStamps() {
  const page = loadPage('pages/stamps/index')
  page.instance.onLoad({})
  page.instance.onShow()
  await flush()
  return page
}

test('aCardShowsItsStampsDrawnTheRewardTheRuleAndWhenThePeriodEnds', async () => {
  wx.__server.on('MyStampCards', () => ({ myStampCards: [card(), card({ cardId: '2', name: '烘焙满10次', stampsNeeded: 10,
    stamps: 0, rule: '单笔消费实付满 ¥30.00', reward: '奖励「生日蛋糕8折券」', startedAt: null, endsAt: null,
    period: '首次集章起 30 天内', paused: true, completedCount: 2 })] }))
  const page = await openStamps()
  expect(texts(page, '.stamp-name')).toEqual(['集五杯送一杯', '烘焙满10次'])
  expect(texts(page, '.stamp-progress')).toEqual(['3/5', '0/10'])
  const drawn = page.querySelectorAll('.stamp-grid').map(grid => Array.from(grid.dom.children)
    .map(stamp => (stamp.textContent.trim() === '✓' ? 'x' : 'o')).join(''))
  expect(drawn).toEqual(['xxxoo', 'oooooooooo'])
  expect(texts(page, '.stamp-reward')).toEqual(['再集 2 个章可得奖励 300 积分', '再集 10 个章可得奖励「生日蛋糕8折券」'])
  expect(texts(page, '.stamp-rule')).toEqual(['购买「咖啡」类商品', '单笔消费实付满 ¥30.00'])
  expect(texts(page, '.stamp-period')).toEqual(['本期集章截至 2026-11-30', '首次集章起 30 天内，首次集章后开始计时'])
  expect(texts(page, '.stamp-paused')).toEqual(['活动暂停中，暂不集章'])
  expect(texts(page, '.stamp-completed')).toEqual(['已集满 2 次'])
  expect(page.querySelector('.stamps-loading')).toBeFalsy()
})

test('noCardsAndAFailureSaySoAndTappingRetries', async () => {
  wx.__server.on('MyStampCards', () => ({ myStampCards: [] }))
  expect(text(await openStamps(), '.stamps-empty')).toBe('暂时没有集章活动，留意门店通知吧')

  let down = true
  wx.__server.on('MyStampCards', () => (down ? { statusCode: 500, data: null } : { myStampCards: [card()] }))
  jest.useFakeTimers()
  const page = loadPage('pages/stamps/index')
  page.instance.onLoad({})
  page.instance.onShow()
  expect(text(page, '.stamps-loading')).toBe('加载中…')
  await jest.advanceTimersByTimeAsync(2000)
  expect(text(page, '.stamps-failed')).toBe('加载失败，点击重试')
  down = false
  page.querySelector('.stamps-failed').dispatchEvent('tap')
  await jest.advanceTimersByTimeAsync(100)
  expect(texts(page, '.stamp-name')).toEqual(['集五杯送一杯'])
})
