/** The points mall: goods (marketers and admins run them, store managers read) and redemptions (who-may-call.txt). */
const READS_MALL = ['STORE_MANAGER', 'MARKETER', 'ADMIN']

export default [
  {
    path: '/mall',
    name: 'mall',
    file: 'mall/MallGoods.vue',
    meta: { title: '积分商城', roles: READS_MALL, menu: { section: 'marketing', order: 25 } }
  },
  {
    path: '/mall/:id',
    name: 'mall-goods',
    file: 'mall/MallGoodsDetail.vue',
    meta: { title: '商品详情', roles: READS_MALL }
  },
  {
    path: '/mall-redemptions',
    name: 'mall-redemptions',
    file: 'mall/MallRedemptions.vue',
    meta: { title: '商城兑换订单', roles: READS_MALL, menu: { section: 'marketing', order: 26 } }
  }
]
