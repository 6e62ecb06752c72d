/** Points history rows: a Chinese label for every kind in the schema, signed amounts, store and time. */
const fs = require('fs')
const path = require('path')
const { KIND_LABELS, entryView, expiringView } = require('../src/lib/points-view')

test('everyPointsEntryKindOfTheSchemaHasAChineseLabel', () => {
  const sdl = fs.readFileSync(path.join(__dirname, '../../schema/points.graphqls'), 'utf8')
  const kinds = /enum PointsEntryKind \{([^}]*)\}/.exec(sdl)[1].split(/\s+/).filter(Boolean)
  expect(kinds.length).toBeGreaterThan(5)
  expect(Object.keys(KIND_LABELS).sort()).toEqual(kinds.sort())
  expect(KIND_LABELS.EARN).toBe('消费获得')
  expect(KIND_LABELS.REDEEM).toBe('积分抵现')
  expect(KIND_LABELS.CHECK_IN).toBe('签到')
})

test('entryShowsLabelSignedDeltaReasonStoreAndChinaTime', () => {
  expect(entryView({ id: '1', kind: 'REFUND_REVERSE', delta: -1200, reason: '退款 R-1', orderNo: 'POS-1',
    store: { id: '2', name: '静安店' }, createdAt: '2026-11-23T16:30:00Z' })).toEqual({
    id: '1', label: '退款扣回', delta: '-1,200', positive: false, reason: '退款 R-1', store: '静安店',
    orderNo: 'POS-1', time: '11月24日 00:30'
  })
  expect(entryView({ id: '2', kind: 'CAMPAIGN', delta: 50, reason: null, store: null, createdAt: '2026-11-23T02:00:00Z' }))
    .toMatchObject({ label: '活动奖励', delta: '+50', positive: true, reason: '', store: '' })
})

test('unknownKindStillReads', () => {
  expect(entryView({ id: '3', kind: 'SOMETHING_NEW', delta: 1, createdAt: '2026-11-23T02:00:00Z' }).label).toBe('积分变动')
})

test('expiringRowsShowPointsAndChinaDate', () => {
  expect(expiringView([{ points: 1500, expiresAt: '2026-11-30T16:00:00Z' }])).toEqual([{ points: '1,500', date: '2026-12-01' }])
})
