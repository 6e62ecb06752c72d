/**
 * The invited friend's welcome: opened from an inviter's mini-program code (scene i=<code>) or a
 * shared card (?inviter=<code>). Shows who invited them (masked) and what joining gives, before any
 * sign-in; 加入会员 signs in with the inviter's code, which registers the friend as invited.
 */
const client = require('../../api/client')
const session = require('../../api/session')
const { showError } = require('../../api/errors')
const { INVITE_WELCOME } = require('../../api/documents/referral')
const invite = require('../../lib/invite')
const scene = require('../../lib/scene')

const CARD = '/pages/card/index'

Component({
  data: {
    member: false,
    loading: true,
    failed: false,
    found: false,
    inviter: '',
    gifts: [],
    joining: false
  },
  methods: {
    onLoad(query) {
      this.inviterCode = scene.fromQuery(query).inviterCode
      if (session.get('member')) {
        // invitations welcome new friends only: a member's sign-in carries no inviter
        this.setData({ member: true, loading: false })
        return
      }
      session.rememberInviter(this.inviterCode)
      return this.load()
    },
    async load() {
      if (!this.inviterCode) {
        this.setData({ loading: false, failed: false, found: false })
        return
      }
      this.setData({ loading: true, failed: false })
      try {
        const data = await client.request(INVITE_WELCOME, { inviterCode: this.inviterCode }, { auth: false })
        const welcome = data.inviteWelcome
        this.setData(Object.assign({ loading: false, found: !!welcome }, welcome ? invite.welcomeView(welcome) : {}))
      } catch (e) {
        this.setData({ loading: false, failed: true })
        showError(e)
      }
    },
    /** Signs in (registering the friend with the inviter's code) and opens the member card. */
    async join() {
      if (this.data.joining) return
      this.setData({ joining: true })
      try {
        await session.loginMember()
        wx.reLaunch({ url: CARD })
      } catch (e) {
        this.setData({ joining: false })
        showError(e)
      }
    },
    toCard() {
      wx.reLaunch({ url: CARD })
    },
    onShareAppMessage() {
      return invite.shareMessage(this.inviterCode)
    }
  }
})
