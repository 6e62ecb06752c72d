// Screenshot rows of the stored-value pages (see e2e/shots-runner/shots.spec.js).
export default [
  { name: 'wallet-packages', role: 'ADMIN', path: '/wallet', title: '充值套餐' },
  { name: 'wallet-recharges', role: 'STORE_MANAGER', path: '/wallet/recharges', title: '充值与退款' },
  { name: 'wallet-report', role: 'ADMIN', path: '/wallet/report', title: '储值负债' }
]
