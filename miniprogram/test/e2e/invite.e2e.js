/**
 * Invitations and store codes against a real backend (dev profile, fake WeChat): the invite page
 * shows a mini-program code the backend serves without a token; a friend who opens the welcome
 * page from its scene sees the inviter before signing in and joins as their friend; a member who
 * opens the app from a store's code registers at that store.
 */
const http = require('http')
const session = require('../../src/api/session')
const client = require('../../src/api/client')
const { INVITE_PAGE } = require('../../src/api/documents/referral')
const { STORE_MINI_PROGRAM_CODE } = require('../../src/api/documents/staff')
const { gql } = require('../../src/api/gql')
const { loadPage, text, texts, tap, waitFor } = require('../support/page')

const stamp = Date.now().toString(36)
const REGISTRATION_STORE = gql`query E2eRegistrationStore { me { id registrationStoreId } }`

/** GET without any token, as the mini-program's <image> loads a URL. */
function fetchImage(url) {
  return new Promise((resolve, reject) => http.get(url, res => {
    const chunks = []
    res.on('data', chunk => chunks.push(chunk))
    res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body: Buffer.concat(chunks) }))
  }).on('error', reject))
}

let hostWx
let inviteCode
test('theInvitePageShowsAMiniProgramCodeThatLoadsWithoutAToken', async () => {
  hostWx = useRealWx('e2e-host-' + stamp)
  const page = loadPage('pages/invite/index')
  page.instance.onLoad({})
  await waitFor(() => page.instance.data.codeUrl && text(page, '.code'))
  inviteCode = text(page, '.code')
  expect(page.querySelector('.wxacode')).toBeTruthy()
  const image = await fetchImage(page.instance.data.codeUrl)
  expect(image.status).toBe(200)
  expect(image.type).toBe('image/png')
  expect(image.body.subarray(1, 4).toString('ascii')).toBe('PNG')
})

test('aFriendOpeningTheCodeSeesTheInviterFirstAndJoinsAsTheirFriend', async () => {
  const friendWx = useRealWx('e2e-friend-' + stamp)
  const page = loadPage('pages/welcome/index')
  page.instance.onLoad({ scene: encodeURIComponent('i=' + inviteCode) })
  await waitFor(() => text(page, '.inviter'))
  expect(text(page, '.inviter')).toBe('微信用户 邀请你成为会员')
  expect(texts(page, '.gift')[0]).toMatch(/^用手机号完成注册，即得\d+积分欢迎礼$/)
  expect(friendWx.login).not.toHaveBeenCalled()
  tap(page, '.join')
  await waitFor(() => friendWx.reLaunch.mock.calls.length)
  expect(friendWx.reLaunch).toHaveBeenCalledWith({ url: '/pages/card/index' })

  global.wx = hostWx
  const data = await client.request(INVITE_PAGE, { first: 20 })
  expect(data.me.inviteStats.joined).toBe(1)
  expect(data.me.invitations.edges[0].node.status).toBe('JOINED')
})

test('aMemberWhoOpensTheAppFromAStoresCodeRegistersAtThatStore', async () => {
  useRealWx('e2e-manager-' + stamp)
  await session.loginStaff('manager-xuhui', 'demo-password')
  const code = (await client.request(STORE_MINI_PROGRAM_CODE, { storeId: null }, { as: 'staff' })).storeMiniProgramCode
  const storeId = /^s=(\d+)$/.exec(code.scene)[1]

  useRealWx('e2e-scanner-' + stamp)
  let app
  global.App = config => { app = config }
  jest.isolateModules(() => require('../../src/app'))
  app.onLaunch({ path: 'pages/card/index', query: { scene: encodeURIComponent(code.scene) } })
  const me = (await client.request(REGISTRATION_STORE)).me
  expect(me.registrationStoreId).toBe(storeId)
  delete global.App
})
