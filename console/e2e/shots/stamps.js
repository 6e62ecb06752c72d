// Screenshot rows of the stamp-card and tier-benefit pages (see e2e/shots-runner/shots.spec.js). The
// demo data has a brand-wide stamp card and 金卡's monthly benefit (DemoStamps).
export default [
  { name: 'stamp-cards', role: 'MARKETER', path: '/stamp-cards', title: '集章卡' },
  { name: 'tier-benefits', role: 'MARKETER', path: '/tier-benefits', title: '等级权益' }
]
