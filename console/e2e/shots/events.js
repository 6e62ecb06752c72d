// Screenshot rows of the member event pages (see e2e/shots-runner/shots.spec.js). The demo data has
// three events at 徐汇店 by manager-xuhui: 1 今日咖啡品鉴会 (doors open, alice holds a place),
// 2 手工坊：拉花体验 (one place, bob holds it, alice waits), 3 圣诞烘焙课 (a draft), 4 上周咖啡品鉴会 (held
// 8 days ago: alice came, bob did not; the events report's demo).
import { pngFile } from '../files.js'

export default [
  { name: 'events', role: 'STORE_MANAGER', path: '/events', title: '会员活动' },
  { name: 'events-marketer', role: 'MARKETER', path: '/events?status=PUBLISHED', title: '会员活动（市场）' },
  { name: 'event', role: 'STORE_MANAGER', path: '/events/2', title: '会员活动详情', fullPage: true },
  {
    name: 'event-new',
    role: 'STORE_MANAGER',
    path: '/events/new',
    title: '新建会员活动（上传活动图片）',
    async prepare(page) {
      await page.locator('input[data-test=event-title]').fill('冬季热饮品鉴会')
      await page.locator('[data-test=picture-upload] input[type=file]').setInputFiles(pngFile('tasting.png', 1200, 800))
      await page.locator('[data-test=picture-preview]').waitFor()
    }
  },
  { name: 'event-edit', role: 'STORE_MANAGER', path: '/events/1/edit', title: '编辑会员活动' },
  { name: 'member-detail-events', role: 'STORE_MANAGER', path: '/members/1?tab=events', title: '会员详情：会员活动' }
]
