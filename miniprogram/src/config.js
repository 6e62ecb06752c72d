/** Where the backend is: per WeChat environment, overridable at run time (see README). */

const BY_ENV = {
  develop: 'http://127.0.0.1:8080',
  trial: 'https://loyalty-staging.example.com',
  release: 'https://loyalty.example.com'
}

const OVERRIDE_KEY = 'loyalty.apiUrl'

/** The brand as members know it, printed on share posters; set it for each brand's build. */
const BRAND_NAME = '会员中心'

function envVersion() {
  try {
    return wx.getAccountInfoSync().miniProgram.envVersion || 'develop'
  } catch (e) {
    return 'develop'
  }
}

/** The backend's base URL, without a trailing slash. */
function apiUrl() {
  const override = wx.getStorageSync(OVERRIDE_KEY)
  return (override || BY_ENV[envVersion()] || BY_ENV.develop).replace(/\/+$/, '')
}

/** Points to another backend (e.g. a colleague's machine) until cleared with an empty value. */
function setApiUrl(url) {
  if (url) wx.setStorageSync(OVERRIDE_KEY, url)
  else wx.removeStorageSync(OVERRIDE_KEY)
}

const DEV_LOGIN_KEY = 'loyalty.devLogin'

/**
 * In a development build only: the member name to sign in as against a backend with the fake
 * WeChat (code "dev-<name>"), set with wx.setStorageSync('loyalty.devLogin', 'alice'); else null.
 */
function devLoginName() {
  return envVersion() === 'develop' ? wx.getStorageSync(DEV_LOGIN_KEY) || null : null
}

module.exports = { apiUrl, setApiUrl, devLoginName, OVERRIDE_KEY, DEV_LOGIN_KEY, BRAND_NAME }
