/**
 * Recommendations as the card and the staff result page list them, and the loader both use:
 * the list's state (loading, failed, ready) and its rows ({sku, name, reason}, the reason as
 * the backend words it: 常与生日蛋糕一起购买 / 本店热销).
 */

/** Recommendation[] → rows, each product once. */
function recommendRows(list) {
  const seen = new Set()
  return (list || []).filter(r => r && !seen.has(r.sku) && seen.add(r.sku))
    .map(r => ({ sku: r.sku, name: r.name, reason: r.reason || '' }))
}

/**
 * Loads recommendations into a page's `data[key]` = { state, items }: 'loading' while asking,
 * 'ready' with the rows (maybe none), 'failed' when the request failed (the page offers a retry).
 * @param {object} page the page (setData)
 * @param {string} key the data key
 * @param {function(): Promise<Array>} fetch resolves to Recommendation[]
 */
function loadRecommendations(page, key, fetch) {
  page.setData({ [key]: { state: 'loading', items: [] } })
  return fetch()
    .then(list => page.setData({ [key]: { state: 'ready', items: recommendRows(list) } }))
    .catch(() => page.setData({ [key]: { state: 'failed', items: [] } }))
}

module.exports = { recommendRows, loadRecommendations }
