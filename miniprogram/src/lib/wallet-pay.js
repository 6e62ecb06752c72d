/**
 * Paying an online recharge: wx.requestPayment on the JSAPI parameters startWalletRecharge returned,
 * then waiting for WeChat Pay's notification to reach the backend (the card is credited only then).
 */
const client = require('../api/client')
const { WALLET_RECHARGE_ORDER } = require('../api/documents/wallet')

/** How long to wait between looks at the order, and how many looks before telling the member to check later. */
const POLL_MS = 1500
const POLL_TIMES = 8

/** Resolves 'paid' or 'cancelled'; rejects when WeChat Pay refuses (the member may try again). */
function requestPayment(params) {
  return new Promise((resolve, reject) => {
    wx.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType,
      paySign: params.paySign,
      success: () => resolve('paid'),
      fail: res => (/cancel/.test((res && res.errMsg) || '') ? resolve('cancelled') : reject(res))
    })
  })
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

/** Resolves the order once PAID (with its recharge), or null when it is still pending after every look. */
async function waitUntilPaid(outTradeNo) {
  for (let i = 0; i < POLL_TIMES; i++) {
    const data = await client.request(WALLET_RECHARGE_ORDER, { outTradeNo })
    const order = data.walletRechargeOrder
    if (order && order.status === 'PAID') return order
    await sleep(POLL_MS)
  }
  return null
}

module.exports = { requestPayment, waitUntilPaid, POLL_MS, POLL_TIMES }
