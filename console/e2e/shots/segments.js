// Screenshot rows of the segment pages (see e2e/shots-runner/shots.spec.js).
export default [
  { name: 'segments', role: 'MARKETER', path: '/segments', title: '会员分群', fullPage: true },
  { name: 'tags', role: 'MARKETER', path: '/tags', title: '会员标签' },
  {
    name: 'tag-editor',
    role: 'MARKETER',
    path: '/tags',
    title: '新建规则标签',
    async prepare(page) {
      await page.locator('[data-test=tag-create]').click()
      await page.locator('input[data-test=tag-name]').fill('近 30 天常客')
      await page.getByLabel('天数').fill('30')
      await page.getByLabel('单数').fill('2')
    }
  }
]
