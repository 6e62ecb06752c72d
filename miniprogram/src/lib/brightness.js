/**
 * Full screen brightness and no screen lock while the member code is shown; the brightness the
 * member had is put back afterwards. When it cannot be read, it is left alone (never stuck at full).
 */

/** @param {object} [api] the wx object (injectable for tests) */
function createBrightness(api) {
  const wxApi = () => api || wx
  let wanted = false
  let raised = false
  let previous = null

  return {
    /** Remembers the current brightness, then goes to full and keeps the screen on. */
    raise() {
      if (wanted) return
      wanted = true
      wxApi().setKeepScreenOn({ keepScreenOn: true })
      wxApi().getScreenBrightness({
        success: res => {
          if (!wanted || raised) return
          previous = res.value
          raised = true
          wxApi().setScreenBrightness({ value: 1 })
        },
        fail: () => {}
      })
    },
    /** Puts the remembered brightness back and lets the screen lock again. */
    restore() {
      if (!wanted) return
      wanted = false
      wxApi().setKeepScreenOn({ keepScreenOn: false })
      if (raised) {
        raised = false
        wxApi().setScreenBrightness({ value: previous })
      }
    }
  }
}

module.exports = { createBrightness }
