// Screenshot rows of the stamp-card and tier-benefit pages (see e2e/shots-runner/shots.spec.js). The
// demo data has a brand-wide stamp card in its second version (DemoStampCards) and 银卡's monthly
// benefit (DemoTierBenefits).
export default [
  { name: 'stamp-cards', role: 'MARKETER', path: '/stamp-cards', title: '集章卡' },
  {
    name: 'stamp-card-versions',
    role: 'MARKETER',
    path: '/stamp-cards',
    title: '集章卡版本记录',
    async prepare(page) {
      await page.locator('[data-test=stamp-card-table] .el-table__expand-icon').first().click()
      await page.locator('[data-test=stamp-card-version]').first().waitFor()
    }
  },
  { name: 'tier-benefits', role: 'MARKETER', path: '/tier-benefits', title: '等级权益' }
]
