// Screenshot rows of the lottery pages (see e2e/shots-runner/shots.spec.js). The demo data has one
// running lottery (幸运大转盘, DemoLotteries), the first of the dev database: id 1.
export default [
  { name: 'lotteries', role: 'MARKETER', path: '/lotteries', title: '积分抽奖' },
  { name: 'lottery-new', role: 'MARKETER', path: '/lotteries/new', title: '新建抽奖' },
  { name: 'lottery-edit', role: 'MARKETER', path: '/lotteries/1/edit', title: '编辑抽奖' },
  { name: 'lottery', role: 'MARKETER', path: '/lotteries/1', title: '抽奖详情' }
]
