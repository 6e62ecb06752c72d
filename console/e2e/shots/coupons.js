// Screenshot rows of the coupon pages (see e2e/shots-runner/shots.spec.js). The demo data has the
// 徐汇店 manager's templates and packs; template 1 is one of them.
export default [
  { name: 'coupons', role: 'MARKETER', path: '/coupons', title: '优惠券' },
  { name: 'coupons-archived', role: 'STORE_MANAGER', path: '/coupons?status=ARCHIVED', title: '已下架的优惠券（店长）' },
  { name: 'coupon-detail', role: 'ADMIN', path: '/coupons/1', title: '优惠券详情' },
  { name: 'coupon-packs', role: 'MARKETER', path: '/coupon-packs', title: '券包' },
  { name: 'coupon-report', role: 'STORE_MANAGER', path: '/coupon-report?granularity=WEEK', title: '券核销报表' }
]
