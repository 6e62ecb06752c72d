/** Asks with wx.showModal and resolves true when the person confirms (false on cancel or failure). */
function confirm(options) {
  return new Promise(resolve => {
    wx.showModal(Object.assign({}, options, {
      success: res => resolve(!!res.confirm),
      fail: () => resolve(false)
    }))
  })
}

module.exports = { confirm }
