/** Chinese names of the analytics enums. */
export const CHANNELS = { MINI_PROGRAM: '小程序', STORE: '门店', IMPORT: '导入' }
export const STAGES = { NEW: '新会员', ACTIVE: '活跃', DECLINING: '衰退', DORMANT: '沉睡', CHURNED: '流失' }
export const LTV_GROUPS = [
  { value: 'RFM_SEGMENT', label: '按 RFM 分层' },
  { value: 'LIFECYCLE_STAGE', label: '按生命周期' },
  { value: 'TAG', label: '按标签' }
]
/** A period's label on a chart's x axis: its first day, or first–last day when it is longer. */
export function periodLabel(p) {
  if (!p.end || p.start === p.end) return p.start.slice(5)
  return `${p.start.slice(5)}~${p.end.slice(5)}`
}
/** A 0–1 share as a percentage number for charts (null stays null: no bar rather than a false 0). */
export function pct(ratio) {
  return ratio === null || ratio === undefined ? null : Math.round(ratio * 1000) / 10
}
