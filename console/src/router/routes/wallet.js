/** Stored value (储值): packages, members' recharges and refunds, liability. Not for marketers (who-may-call.txt). */
const WALLET_STAFF = ['STORE_MANAGER', 'ADMIN']

export default [
  {
    path: '/wallet',
    name: 'wallet-packages',
    file: 'wallet/RechargePackages.vue',
    meta: { title: '充值套餐', roles: WALLET_STAFF, menu: { section: 'wallet', order: 10 } }
  },
  {
    path: '/wallet/recharges',
    name: 'wallet-recharges',
    file: 'wallet/MemberRecharges.vue',
    meta: { title: '充值与退款', roles: WALLET_STAFF, menu: { section: 'wallet', order: 20 } }
  },
  {
    path: '/wallet/report',
    name: 'wallet-report',
    file: 'wallet/WalletReport.vue',
    meta: { title: '储值负债', roles: WALLET_STAFF, menu: { section: 'wallet', order: 30 } }
  }
]
