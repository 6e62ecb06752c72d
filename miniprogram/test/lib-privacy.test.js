/** The privacy page's wording: consent state, the export summary and the closure notice. */
const privacy = require('../src/lib/privacy')

test('theExportSummaryListsSectionsThatHoldRecordsInOrder', () => {
  expect(privacy.exportSummary([
    { name: 'profile', count: 1 }, { name: 'orders', count: 3 }, { name: 'coupons', count: 0 },
    { name: 'pointsLedger', count: 12 }, { name: 'somethingNew', count: 2 }
  ]).map(s => s.text)).toEqual(['个人资料 1 条', '订单 3 条', '积分明细 12 条', 'somethingNew 2 条'])
})

test('theNoticeIsAskedUntilTheCurrentVersionIsAccepted', () => {
  expect(privacy.consentView({ currentNoticeVersion: 2, noticeAccepted: false, marketing: false, closesAt: null }))
    .toEqual({ askNotice: true, noticeVersion: 2, marketing: false, closing: '' })
  expect(privacy.consentView({ currentNoticeVersion: 2, noticeAccepted: true, marketing: true,
    closesAt: '2026-12-01T10:00:00+08:00' }))
    .toEqual({ askNotice: false, noticeVersion: 2, marketing: true,
      closing: '账号将于 2026-12-01 注销，期间可选择“撤销注销并登录”保留账号' })
})

test('everySectionOfTheBackendsExportHasAChineseLabel', () => {
  const fs = require('fs')
  const path = require('path')
  const java = fs.readFileSync(path.join(__dirname,
    '../../backend/src/main/java/com/loyalty/privacy/DataExportService.java'), 'utf8')
  const listed = java.match(/SECTIONS = List\.of\(([^;]*)\);/)[1].match(/"([A-Za-z]+)"/g).map(s => s.slice(1, -1))
  expect(listed.length).toBeGreaterThan(20)
  expect(listed.filter(name => !privacy.SECTION_LABELS[name])).toEqual([])
})
