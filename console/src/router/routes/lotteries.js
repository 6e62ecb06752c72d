/** The points lottery (积分抽奖): brand-wide marketing that marketers and admins run; store managers read it (who-may-call.txt). */
const READS_LOTTERIES = ['STORE_MANAGER', 'MARKETER', 'ADMIN']

export default [
  {
    path: '/lotteries',
    name: 'lotteries',
    file: 'lotteries/LotteryList.vue',
    meta: { title: '积分抽奖', roles: READS_LOTTERIES, menu: { section: 'marketing', order: 15 } }
  },
  {
    path: '/lotteries/new',
    name: 'lottery-new',
    file: 'lotteries/LotteryForm.vue',
    meta: { title: '新建抽奖', roles: ['MARKETER', 'ADMIN'] }
  },
  {
    path: '/lotteries/:id/edit',
    name: 'lottery-edit',
    file: 'lotteries/LotteryForm.vue',
    meta: { title: '编辑抽奖', roles: ['MARKETER', 'ADMIN'] }
  },
  {
    path: '/lotteries/:id',
    name: 'lottery',
    file: 'lotteries/LotteryDetail.vue',
    meta: { title: '抽奖详情', roles: READS_LOTTERIES }
  }
]
