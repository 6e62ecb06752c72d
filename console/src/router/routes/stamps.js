/** Stamp cards (集章卡) and tier benefits (等级权益) (who-may-call.txt). */
const READERS = ['STORE_MANAGER', 'MARKETER', 'ADMIN']

export default [
  {
    path: '/stamp-cards',
    name: 'stamp-cards',
    file: 'stamps/StampCards.vue',
    meta: { title: '集章卡', roles: READERS, menu: { section: 'marketing', order: 23 } }
  },
  {
    path: '/tier-benefits',
    name: 'tier-benefits',
    file: 'stamps/TierBenefits.vue',
    meta: { title: '等级权益', roles: READERS, menu: { section: 'marketing', order: 24 } }
  }
]
