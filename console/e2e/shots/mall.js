// Screenshot rows of the points mall pages (see e2e/shots-runner/shots.spec.js). The demo data has
// goods on sale (保温杯 at both stores, a 金卡 gift, a delivered tote bag) and alice's redemptions.
export default [
  { name: 'mall', role: 'MARKETER', path: '/mall', title: '积分商城' },
  { name: 'mall-goods', role: 'MARKETER', path: '/mall/1', title: '商品详情' },
  { name: 'mall-redemptions', role: 'STORE_MANAGER', path: '/mall-redemptions', title: '商城兑换订单（店长）' }
]
