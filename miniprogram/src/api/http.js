/** POSTs a GraphQL request with wx.request and resolves with the HTTP status and body. */

const config = require('../config')
const { ApiError } = require('./errors')

const TIMEOUT_MS = 15000

/**
 * Resolves { statusCode, data } for any HTTP answer; rejects with ApiError('NETWORK') when the
 * request never got an answer (offline, timeout, DNS).
 */
function post(body, headers = {}) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: config.apiUrl() + '/graphql',
      method: 'POST',
      data: body,
      header: Object.assign({ 'content-type': 'application/json' }, headers),
      timeout: TIMEOUT_MS,
      success: res => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: () => reject(new ApiError('NETWORK'))
    })
  })
}

module.exports = { post }
