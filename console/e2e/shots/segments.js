// Screenshot rows of the segment pages (see e2e/shots-runner/shots.spec.js).
export default [
  { name: 'segments', role: 'MARKETER', path: '/segments', title: '会员分群', fullPage: true },
  { name: 'tags', role: 'MARKETER', path: '/tags', title: '会员标签' }
]
