/**
 * The mini-program: remembers who or what opened it (a friend's invitation, a store's code) for
 * the first sign-in; pages sign in on first request.
 */
const session = require('./api/session')
const scene = require('./lib/scene')

/** The launch (or return from background) options' query: `scene` of a mini-program code, or `inviter`. */
function rememberOpening(options) {
  session.rememberOpening(scene.fromQuery(options && options.query))
}

App({
  onLaunch(options) {
    rememberOpening(options)
  },
  onShow(options) {
    rememberOpening(options)
  },
  globalData: {}
})
