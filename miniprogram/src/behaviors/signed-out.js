/**
 * For member pages: `signedOut` holds the sign-in block (lib/sign-in) while the member is signed
 * out on purpose; the page renders <sign-in state="{{signedOut}}" bind:signedin="onSignedIn"/>
 * instead of its content, and reloads through its own `reloadAfterSignIn()` once signed in.
 */
const { signInState } = require('../lib/sign-in')

module.exports = Behavior({
  data: {
    signedOut: null
  },
  methods: {
    /** Shows the sign-in block when the error means "signed out on purpose"; true when it did. */
    showSignedOut(error) {
      const state = signInState(error)
      if (!state) return false
      this.setData({ signedOut: state })
      return true
    },
    onSignedIn() {
      this.setData({ signedOut: null })
      if (this.reloadAfterSignIn) return this.reloadAfterSignIn()
    }
  }
})
