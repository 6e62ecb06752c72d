/** Brightness while the code is shown: full and kept on, then the member's own brightness back. */
const { createBrightness } = require('../src/lib/brightness')

test('raiseRemembersTheBrightnessGoesFullAndRestorePutsItBack', () => {
  const b = createBrightness()
  b.raise()
  expect(wx.getScreenBrightness).toHaveBeenCalledTimes(1)
  expect(wx.setScreenBrightness).toHaveBeenCalledWith({ value: 1 })
  expect(wx.setKeepScreenOn).toHaveBeenCalledWith({ keepScreenOn: true })
  b.restore()
  expect(wx.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.4 })
  expect(wx.setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false })
})

test('raisingTwiceKeepsTheOriginalBrightnessNotTheFullOne', () => {
  const b = createBrightness()
  b.raise()
  wx.getScreenBrightness.mockImplementation(o => o.success({ value: 1 }))
  b.raise()
  b.restore()
  expect(wx.setScreenBrightness).toHaveBeenLastCalledWith({ value: 0.4 })
  expect(wx.getScreenBrightness).toHaveBeenCalledTimes(1)
})

test('restoreBeforeTheBrightnessIsKnownNeverLeavesItAtFull', () => {
  let answer
  wx.getScreenBrightness.mockImplementation(o => { answer = o.success })
  const b = createBrightness()
  b.raise()
  b.restore()
  answer({ value: 0.3 })
  expect(wx.setScreenBrightness).not.toHaveBeenCalled()
})

test('whenTheBrightnessCannotBeReadItIsLeftAlone', () => {
  wx.getScreenBrightness.mockImplementation(o => o.fail({ errMsg: 'fail' }))
  const b = createBrightness()
  b.raise()
  b.restore()
  expect(wx.setScreenBrightness).not.toHaveBeenCalled()
  expect(wx.setKeepScreenOn).toHaveBeenLastCalledWith({ keepScreenOn: false })
})

test('restoreWithoutRaiseDoesNothing', () => {
  createBrightness().restore()
  expect(wx.setScreenBrightness).not.toHaveBeenCalled()
  expect(wx.setKeepScreenOn).not.toHaveBeenCalled()
})
