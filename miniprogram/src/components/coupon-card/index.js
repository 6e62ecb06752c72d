/**
 * <coupon-card coupon="{{view}}">: one coupon as a ticket (figure, name, what it gives, dates,
 * limits, hint); the page puts its button or reason into the slot. `coupon` is a view from
 * lib/coupon (couponView or centreView); `dim` greys out used and expired coupons.
 */
Component({
  options: { addGlobalClass: true },
  properties: {
    coupon: { type: Object, value: {} },
    dim: { type: Boolean, value: false }
  }
})
