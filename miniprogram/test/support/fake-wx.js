/**
 * A fake `wx` for tests: in-memory storage, wx.request answered by a fake server (asynchronously,
 * like the real one), wx.uploadFile answered by a test's upload handler (progress events, the
 * answer's body as a string, like the real one), wx.login codes, sockets the test drives, and
 * jest.fn() for every UI call.
 */
const { createServer, toResponse } = require('./fake-server')

class FakeSocket {
  constructor(options) {
    this.options = options
    this.sent = []
    this.listeners = {}
    this.closed = false
  }
  onOpen(f) { this.listeners.open = f }
  onMessage(f) { this.listeners.message = f }
  onError(f) { this.listeners.error = f }
  onClose(f) { this.listeners.close = f }
  send({ data }) { this.sent.push(JSON.parse(data)) }
  close() { this.closed = true }
  /** Test side: the server opens the socket / sends a message / fails / closes. */
  open() { this.listeners.open && this.listeners.open({}) }
  receive(message) { this.listeners.message && this.listeners.message({ data: JSON.stringify(message) }) }
  fail() { this.listeners.error && this.listeners.error({ errMsg: 'connectSocket:fail' }) }
  drop(code = 1006) { this.listeners.close && this.listeners.close({ code }) }
}

function createWx() {
  const storage = new Map()
  const server = createServer()
  let loginCount = 0
  const sockets = []
  const wx = {
    __server: server,
    __storage: storage,
    __sockets: sockets,
    /** Set to a function(options) to take over wx.request (e.g. to fail with a network error). */
    __requestOverride: null,
    /**
     * wx.uploadFile's backend: a function(upload) answering { statusCode, data } (data an object,
     * sent on as JSON text) or throwing 'NETWORK'; each upload { url, filePath, name, header } is
     * recorded in __uploads.
     */
    __uploadHandler: null,
    __uploads: [],
    getStorageSync: jest.fn(key => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key, value) => storage.set(key, JSON.parse(JSON.stringify(value)))),
    removeStorageSync: jest.fn(key => storage.delete(key)),
    getAccountInfoSync: jest.fn(() => ({ miniProgram: { envVersion: 'develop', appId: 'touristappid' } })),
    request: jest.fn(options => {
      setTimeout(() => {
        if (wx.__requestOverride) return wx.__requestOverride(options)
        let answer
        try {
          answer = server.handle(options)
        } catch (e) {
          if (e === 'NETWORK') return options.fail && options.fail({ errMsg: 'request:fail' })
          throw e
        }
        options.success && options.success(toResponse(answer))
      }, 0)
      return { abort: jest.fn() }
    }),
    uploadFile: jest.fn(options => {
      const listeners = []
      const task = { onProgressUpdate: jest.fn(f => listeners.push(f)), abort: jest.fn() }
      setTimeout(() => {
        const upload = { url: options.url, filePath: options.filePath, name: options.name, header: options.header || {} }
        wx.__uploads.push(upload)
        let answer
        try {
          if (!wx.__uploadHandler) throw new Error('fake wx: no upload handler')
          answer = wx.__uploadHandler(upload)
        } catch (e) {
          if (e === 'NETWORK') return options.fail && options.fail({ errMsg: 'uploadFile:fail' })
          throw e
        }
        for (const progress of [40, 100]) listeners.forEach(f => f({ progress, totalBytesSent: progress, totalBytesExpectedToSend: 100 }))
        options.success && options.success({ statusCode: answer.statusCode,
          data: typeof answer.data === 'string' ? answer.data : JSON.stringify(answer.data) })
      }, 0)
      return task
    }),
    login: jest.fn(options => setTimeout(() => options.success({ code: `dev-test-${++loginCount}` }), 0)),
    // WeChat's privacy authorization (app.json __usePrivacyCheck__): whether the member agreed, the app's listener
    __privacy: { agreed: false, listener: null },
    onNeedPrivacyAuthorization: jest.fn(listener => { wx.__privacy.listener = listener }),
    getPrivacySetting: jest.fn(options => options.success({ needAuthorization: !wx.__privacy.agreed })),
    /**
     * Test side, as WeChat does before a privacy API (the getPhoneNumber button, chooseAvatar, a
     * nickname input): when the member has not agreed yet, the app's onNeedPrivacyAuthorization
     * listener gets a resolve, and the API goes on only after resolve({ event: 'agree', buttonId })
     * (buttonId: the id of the tapped open-type="agreePrivacyAuthorization" button). Resolves whether it may go on.
     */
    __privacyCheck(referrer) {
      if (wx.__privacy.agreed) return Promise.resolve(true)
      if (!wx.__privacy.listener) return Promise.resolve(false)
      return new Promise(done => {
        wx.__privacy.listener(answer => {
          if (answer && answer.event === 'agree') {
            if (!answer.buttonId) throw new Error('resolve({ event: "agree" }) needs the agree button\'s buttonId')
            wx.__privacy.agreed = true
            done(true)
          } else {
            done(false)
          }
        }, { referrer })
      })
    },
    /**
     * Test side: the member taps a getPhoneNumber button: the privacy check, then WeChat's phone
     * dialog answers with `code` through dispatch(detail) (bindgetphonenumber), or with the refusal
     * WeChat reports when the privacy authorization was declined.
     */
    async __getPhoneNumber(dispatch, code) {
      const allowed = await wx.__privacyCheck('getPhoneNumber')
      dispatch(allowed ? { errMsg: 'getPhoneNumber:ok', code }
        : { errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 })
    },
    connectSocket: jest.fn(options => {
      const socket = new FakeSocket(options)
      sockets.push(socket)
      return socket
    }),
    showToast: jest.fn(),
    showModal: jest.fn(options => options && options.success && options.success({ confirm: true, cancel: false })),
    showLoading: jest.fn(),
    hideLoading: jest.fn(),
    navigateTo: jest.fn(),
    redirectTo: jest.fn(),
    reLaunch: jest.fn(),
    switchTab: jest.fn(),
    navigateBack: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    setScreenBrightness: jest.fn(),
    getScreenBrightness: jest.fn(options => options && options.success && options.success({ value: 0.4 })),
    setKeepScreenOn: jest.fn(),
    scanCode: jest.fn(),
    requestSubscribeMessage: jest.fn(),
    vibrateShort: jest.fn(),
    setClipboardData: jest.fn(),
    showShareMenu: jest.fn(),
    makePhoneCall: jest.fn(),
    setNavigationBarTitle: jest.fn(),
    createSelectorQuery: jest.fn(() => {
      const query = {
        in: () => query,
        select: () => query,
        fields: () => query,
        boundingClientRect: () => query,
        exec: callback => callback && callback([null])
      }
      return query
    })
  }
  return wx
}

module.exports = { createWx, FakeSocket }
