/** The mini-program: remembers an inviter from the opening link; pages sign in on first request. */
const session = require('./api/session')

App({
  onLaunch(options) {
    const query = (options && options.query) || {}
    session.rememberInviter(query.inviter)
  },
  globalData: {}
})
