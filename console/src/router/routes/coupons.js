/** Coupons: templates, packs, issuing to a member and the redemption report (who-may-call.txt). */
const COUPON_STAFF = ['STORE_MANAGER', 'MARKETER', 'ADMIN']

export default [
  {
    path: '/coupons',
    name: 'coupons',
    file: 'coupons/CouponTemplates.vue',
    meta: { title: '优惠券', roles: COUPON_STAFF, menu: { section: 'marketing', order: 20 } }
  },
  {
    path: '/coupons/:id',
    name: 'coupon',
    file: 'coupons/CouponTemplateDetail.vue',
    meta: { title: '优惠券详情', roles: COUPON_STAFF }
  },
  {
    path: '/coupon-packs',
    name: 'coupon-packs',
    file: 'coupons/CouponPacks.vue',
    meta: { title: '券包', roles: COUPON_STAFF, menu: { section: 'marketing', order: 21 } }
  },
  {
    path: '/coupon-report',
    name: 'coupon-report',
    file: 'coupons/CouponReport.vue',
    meta: { title: '券核销报表', roles: COUPON_STAFF, menu: { section: 'marketing', order: 22 } }
  }
]
