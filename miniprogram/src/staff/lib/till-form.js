/**
 * The till's purchase form: parsing and checking what the clerk typed before anything is sent,
 * the coupons they tick, and what the member pays. Pure: the till page only wires it up.
 *
 * A form is { amount, orderNo, items: [{ sku, name, category, quantity, unitPrice }], points,
 * wallet (yuan paid from the stored-value card), couponIds } as typed (text); the context is
 * { memberId, tillProof (from the scan: needed to spend points, coupons or stored value), balance,
 * walletCents (the member's stored-value balance), coupons (rows from couponRows), couponsKey (the key the rows
 * were loaded for), pointsPerYuanRedeemed (programRules: points that pay one yuan; until it is
 * known, no points can be used) }.
 */
const format = require('../../lib/format')

const MAX_ORDER_NO = 64

let itemKeys = 0

/** A new blank item row; `key` only tells rows apart in the list. */
function emptyItem() {
  return { key: 'item-' + (++itemKeys), sku: '', name: '', category: '', quantity: '1', unitPrice: '' }
}

const blank = text => !String(text == null ? '' : text).trim()

function isBlankItem(item) {
  return blank(item.sku) && blank(item.name) && blank(item.category) && blank(item.unitPrice)
}

/** What `points` pay, in cents, at `rate` points a yuan (programRules.pointsPerYuanRedeemed). */
function pointsCents(points, rate) {
  return rate > 0 ? Math.floor(points * 100 / rate) : 0
}

/** The most points that pay no more than `cents` at `rate` points a yuan (0 while the rate is unknown). */
function pointsFor(cents, rate) {
  return rate > 0 ? Math.floor(Math.max(0, cents) * rate / 100) : 0
}

/** { cents } or { error } for the order amount in yuan. */
function parseAmount(text) {
  if (blank(text)) return { error: '请输入订单金额' }
  const cents = format.parseYuan(text)
  if (cents === null) return { error: '金额格式不对：请输入数字，最多两位小数' }
  if (cents <= 0) return { error: '订单金额需大于 0' }
  return { cents }
}

/** { items } as PurchaseItemInput (blank rows left out) or { error } naming the row at fault. */
function parseItems(rows) {
  const items = []
  for (let i = 0; i < (rows || []).length; i++) {
    const row = rows[i]
    if (isBlankItem(row)) continue
    const n = i + 1
    if (blank(row.sku)) return { error: `第${n}件商品缺少 SKU` }
    if (blank(row.name)) return { error: `第${n}件商品缺少名称` }
    if (!/^\s*\d+\s*$/.test(String(row.quantity)) || Number(row.quantity) <= 0) {
      return { error: `第${n}件商品数量需为正整数` }
    }
    const unitPriceCents = format.parseYuan(row.unitPrice)
    if (unitPriceCents === null) return { error: `第${n}件商品单价格式不对：最多两位小数` }
    const item = { sku: row.sku.trim(), name: row.name.trim(), quantity: Number(row.quantity), unitPriceCents }
    if (!blank(row.category)) item.category = row.category.trim()
    items.push(item)
  }
  return { items }
}

function itemsTotal(items) {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0)
}

/** { points } or { error }: a whole number of points, blank meaning none. */
function parsePoints(text) {
  if (blank(text)) return { points: 0 }
  if (!/^\s*\d+\s*$/.test(String(text))) return { error: '抵扣积分需为整数' }
  return { points: Number(text) }
}

/** { cents } or { error }: what the stored-value card pays, in yuan; blank meaning nothing. */
function parseWallet(text) {
  if (blank(text)) return { cents: 0 }
  const cents = format.parseYuan(text)
  if (cents === null) return { error: '储值金额格式不对：请输入数字，最多两位小数' }
  return { cents }
}

/** What the ticked coupons take off, in cents (only coupons that apply). */
function couponDiscount(rows, selectedIds) {
  return (rows || []).filter(r => r.applicable && selectedIds.indexOf(r.id) >= 0)
    .reduce((sum, r) => sum + r.discountCents, 0)
}

/**
 * What the clerk sees under the form while typing: amount, coupon discount, what the points pay,
 * what the member pays, and the most points they may use.
 */
function summary(form, ctx) {
  const amount = parseAmount(form.amount)
  const amountCents = amount.cents || 0
  const discountCents = Math.min(amountCents, couponDiscount(ctx.coupons, form.couponIds || []))
  const afterCouponsCents = amountCents - discountCents
  const maxPoints = Math.max(0, Math.min(Number(ctx.balance || 0), pointsFor(afterCouponsCents, ctx.pointsPerYuanRedeemed)))
  const points = parsePoints(form.points).points || 0
  const redeemedCents = Math.min(pointsCents(points, ctx.pointsPerYuanRedeemed), afterCouponsCents)
  const afterPointsCents = afterCouponsCents - redeemedCents
  const maxWalletCents = Math.max(0, Math.min(Number(ctx.walletCents || 0), afterPointsCents))
  const walletCents = Math.min(parseWallet(form.wallet).cents || 0, afterPointsCents)
  const payCents = afterPointsCents - walletCents
  return {
    amountCents, discountCents, afterCouponsCents, maxPoints, points, redeemedCents, walletCents, maxWalletCents, payCents,
    amountText: format.yuan(amountCents),
    discountText: format.yuan(discountCents),
    redeemedText: format.yuan(redeemedCents),
    walletText: format.yuan(walletCents),
    payText: format.yuan(payCents),
    maxPointsText: format.points(maxPoints),
    rateText: ctx.pointsPerYuanRedeemed > 0 ? `${ctx.pointsPerYuanRedeemed}积分抵1元` : '积分规则加载中'
  }
}

/** The couponsForOrder request for the form as typed, with a key to tell stale results; null until the amount and items are valid. */
function couponsQuery(form, memberId) {
  const amount = parseAmount(form.amount)
  const items = parseItems(form.items)
  if (!memberId || amount.error || items.error) return null
  const input = { memberId, amountCents: amount.cents }
  if (items.items.length) input.items = items.items
  return { key: JSON.stringify(input), input }
}

/**
 * Checks the whole form. Returns { errors } keyed by field (member, amount, orderNo, items,
 * points, wallet, coupons), empty when it may be sent, and the RecordPurchaseInput to send.
 */
function validate(form, ctx) {
  const errors = {}
  if (!ctx.memberId) errors.member = '请先扫描会员码'
  const amount = parseAmount(form.amount)
  if (amount.error) errors.amount = amount.error
  const orderNo = String(form.orderNo || '').trim()
  if (!orderNo) errors.orderNo = '请填写订单号'
  else if (orderNo.length > MAX_ORDER_NO) errors.orderNo = `订单号最多 ${MAX_ORDER_NO} 个字符`
  const items = parseItems(form.items)
  if (items.error) errors.items = items.error
  else if (!amount.error && items.items.length && itemsTotal(items.items) !== amount.cents) {
    errors.items = `商品合计${format.yuan(itemsTotal(items.items))}，与订单金额${format.yuan(amount.cents)}不一致`
  }
  const couponIds = form.couponIds || []
  const query = couponsQuery(form, ctx.memberId)
  if (couponIds.length && (!query || query.key !== ctx.couponsKey)) {
    errors.coupons = '订单已修改，请重新选择优惠券'
  }
  const points = parsePoints(form.points)
  const balance = Number(ctx.balance || 0)
  if (points.error) errors.points = points.error
  else if (points.points > 0 && !(ctx.pointsPerYuanRedeemed > 0)) errors.points = '积分规则加载中，请稍后再用积分'
  else if (points.points > 0 && points.points > balance) {
    errors.points = balance > 0 ? `会员只有 ${format.points(balance)} 积分` : '会员当前没有可用积分'
  } else if (!amount.error && !errors.coupons) {
    const afterCoupons = amount.cents - Math.min(amount.cents, couponDiscount(ctx.coupons, couponIds))
    if (pointsCents(points.points, ctx.pointsPerYuanRedeemed) > afterCoupons) {
      errors.points = `用券后应付${format.yuan(afterCoupons)}，最多抵扣 ${format.points(pointsFor(afterCoupons, ctx.pointsPerYuanRedeemed))} 积分`
    }
  }
  const wallet = parseWallet(form.wallet)
  const walletBalance = Number(ctx.walletCents || 0)
  if (wallet.error) errors.wallet = wallet.error
  else if (wallet.cents > walletBalance) {
    errors.wallet = walletBalance > 0 ? `储值余额只有${format.yuan(walletBalance)}` : '会员储值余额为 0'
  } else if (wallet.cents > 0 && !amount.error && !errors.coupons && !errors.points) {
    const afterCoupons = amount.cents - Math.min(amount.cents, couponDiscount(ctx.coupons, couponIds))
    const afterPoints = afterCoupons - Math.min(pointsCents(points.points, ctx.pointsPerYuanRedeemed), afterCoupons)
    if (wallet.cents > afterPoints) errors.wallet = `用券和积分后应付${format.yuan(afterPoints)}，储值最多支付${format.yuan(afterPoints)}`
  }
  if (!errors.member && !ctx.tillProof && (points.points > 0 || couponIds.length || wallet.cents > 0)) {
    errors.member = '用积分、优惠券或储值需会员在场，请重新扫描会员码'
  }
  if (Object.keys(errors).length) return { errors, input: null }
  const input = { memberId: ctx.memberId, orderNo, amountCents: amount.cents, pointsToRedeem: points.points }
  if (ctx.tillProof) input.tillProof = ctx.tillProof
  if (items.items.length) input.items = items.items
  if (couponIds.length) input.couponIds = couponIds.slice()
  if (wallet.cents > 0) input.walletAmountCents = wallet.cents
  return { errors, input }
}

/**
 * The clerk's message for a refused stored-value payment, in yuan: INSUFFICIENT_BALANCE says what
 * the card holds now (it may have been spent elsewhere since the scan); null for other refusals.
 */
function walletRefusal(error) {
  if (!error || error.code !== 'INSUFFICIENT_BALANCE') return null
  const cents = /可用\s*(\d+)\s*分/.exec(error.message || '')
  return cents ? `储值余额不足：会员储值只剩${format.yuan(Number(cents[1]))}` : '储值余额不足'
}

/** couponsForOrder results → rows the till lists, ticked when selected. */
function couponRows(list, selectedIds = []) {
  return (list || []).map(c => ({
    id: c.coupon.id,
    name: c.coupon.template.name,
    stackable: !!c.coupon.template.stackable,
    applicable: !!c.applicable,
    discountCents: Number(c.discountCents || 0),
    discountText: c.applicable ? `可减${format.yuan(c.discountCents)}` : '不可用',
    reason: c.applicable ? '' : (c.reason || '不适用于本单'),
    validUntil: c.coupon.validUntil ? `有效期至${format.date(c.coupon.validUntil)}` : '',
    checked: c.applicable && selectedIds.indexOf(c.coupon.id) >= 0
  }))
}

/** The ticked coupons that still apply after the rows were reloaded. */
function keepApplicable(rows, selectedIds) {
  return selectedIds.filter(id => rows.some(r => r.id === id && r.applicable))
}

/**
 * Ticks or unticks a coupon: coupons that do not apply cannot be ticked, and a coupon that does
 * not stack stands alone (ticking it unticks the others; ticking another unticks it).
 */
function toggleCoupon(rows, selectedIds, id) {
  const row = rows.find(r => r.id === id)
  if (!row || !row.applicable) return selectedIds
  if (selectedIds.indexOf(id) >= 0) return selectedIds.filter(x => x !== id)
  if (!row.stackable) return [id]
  const stackable = selectedIds.filter(x => rows.some(r => r.id === x && r.stackable))
  return stackable.concat(id)
}

module.exports = {
  emptyItem, parseAmount, parseItems, parsePoints, parseWallet, pointsCents, pointsFor,
  summary, couponsQuery, validate, walletRefusal, couponRows, keepApplicable, toggleCoupon
}
