// Screenshot rows of the points mall pages (see e2e/shots-runner/shots.spec.js). The demo data has
// goods on sale (保温杯 at both stores, a 金卡 gift, a delivered tote bag) and alice's redemptions.
import { pngFile } from '../files.js'

export default [
  { name: 'mall', role: 'MARKETER', path: '/mall', title: '积分商城' },
  {
    name: 'mall-goods-new',
    role: 'MARKETER',
    path: '/mall',
    title: '新建商品（上传图片）',
    async prepare(page) {
      await page.locator('[data-test=create-goods]').click()
      const form = page.locator('[data-test=goods-form]')
      await form.locator('input[data-test=goods-name]').fill('品牌帆布袋')
      await form.locator('[data-test=picture-upload] input[type=file]').setInputFiles(pngFile('tote.png', 1200, 800))
      await form.locator('[data-test=picture-preview]').waitFor()
    }
  },
  { name: 'mall-goods', role: 'MARKETER', path: '/mall/1', title: '商品详情' },
  { name: 'mall-redemptions', role: 'STORE_MANAGER', path: '/mall-redemptions', title: '商城兑换订单（店长）' }
]
