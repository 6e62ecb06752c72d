// Screenshot rows of the lottery pages (see e2e/shots-runner/shots.spec.js). The demo data has one
// running lottery (幸运大转盘, DemoLotteries), the first of the dev database: id 1, with the mall's
// 品牌保温杯 as a 商品 prize. The edit page is shown with 修改奖池 ticked (the prize table with its goods picker).
export default [
  { name: 'lotteries', role: 'MARKETER', path: '/lotteries', title: '积分抽奖' },
  { name: 'lottery-new', role: 'MARKETER', path: '/lotteries/new', title: '新建抽奖' },
  {
    name: 'lottery-edit', role: 'MARKETER', path: '/lotteries/1/edit', title: '编辑抽奖（修改奖池）', fullPage: true,
    prepare: async page => {
      await page.locator('.change-pool').click()
      await page.locator('.prizes').waitFor()
    }
  },
  { name: 'lottery', role: 'MARKETER', path: '/lotteries/1', title: '抽奖详情' },
  { name: 'lottery-manager', role: 'STORE_MANAGER', path: '/lotteries/1', title: '抽奖详情（店长，只读）' }
]
