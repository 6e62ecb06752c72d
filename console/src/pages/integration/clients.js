/** Words shared by the API client pages. */
export const KINDS = { POS: '收银系统', SHOP: '网店', ERP: 'ERP' }

/** The stores a client acts for, by name; none listed means every store. */
export function storesText(storeIds, nameOf) {
  return storeIds && storeIds.length ? storeIds.map(nameOf).join('、') : '所有门店'
}
