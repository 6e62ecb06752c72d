/**
 * App launch: a mini-program code's scene (i=<inviteCode>, s=<storeId>) and a share link's inviter
 * are remembered and go with the member's first sign-in only.
 */
const client = require('../src/api/client')
const session = require('../src/api/session')
const scene = require('../src/lib/scene')
const { gql } = require('../src/api/gql')

const ME = gql`query Me { me { id } }`

let app
beforeEach(() => {
  global.App = config => { app = config }
  jest.isolateModules(() => require('../src/app'))
  let n = 0
  wx.__server.on('Login', () => {
    n++
    return { login: { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresAt: null, registered: n === 1,
      member: { id: '7', nickname: null }, userErrors: [] } }
  })
  wx.__server.on('Me', () => ({ me: { id: '7' } }))
})

afterEach(() => { delete global.App })

async function signInTwice() {
  await client.request(ME)
  session.clear('member')
  await client.request(ME)
  return wx.__server.calls('Login').map(v => v.input)
}

test('aStoresCodeRegistersTheMemberAtThatStoreOnTheFirstSignInOnly', async () => {
  app.onLaunch({ path: 'pages/card/index', scene: 1047, query: { scene: encodeURIComponent('s=12') } })
  const logins = await signInTwice()
  expect(logins[0].storeId).toBe('12')
  expect(logins[1].storeId).toBeUndefined()
})

test('aFriendsCodeCarriesTheirInviteCodeToTheFirstSignIn', async () => {
  app.onLaunch({ path: 'pages/welcome/index', query: { scene: encodeURIComponent('i=ab12cd34') } })
  const logins = await signInTwice()
  expect(logins[0].inviterCode).toBe('AB12CD34')
  expect(logins[1].inviterCode).toBeUndefined()
})

test('aCodeScannedWhileTheAppRunsInTheBackgroundIsRememberedToo', async () => {
  app.onLaunch({ query: {} })
  app.onShow({ query: { scene: 's%3D34' } })
  await client.request(ME)
  expect(wx.__server.calls('Login')[0].storeId).toBeUndefined()
  expect(wx.__server.calls('Login')[0].input.storeId).toBe('34')
})

test('aCodeScannedBySomeoneAlreadySignedInIsNotKeptForALaterSignIn', async () => {
  await client.request(ME)
  app.onShow({ query: { scene: encodeURIComponent('i=AB12CD34&s=12') } })
  session.clear('member')
  await client.request(ME)
  expect(wx.__server.calls('Login').map(v => [v.input.inviterCode, v.input.storeId]))
    .toEqual([[undefined, undefined], [undefined, undefined]])
})

test('aShareLinksInviterIsRememberedAsBefore', async () => {
  app.onLaunch({ query: { inviter: 'XY34ZW56' } })
  const logins = await signInTwice()
  expect(logins[0].inviterCode).toBe('XY34ZW56')
})

test('scenesAreDecodedAndOnlyWellFormedValuesKept', () => {
  expect(scene.parse('i%3DAB12CD34')).toEqual({ inviterCode: 'AB12CD34', storeId: '' })
  expect(scene.parse('s=12&i=ab12')).toEqual({ inviterCode: 'AB12', storeId: '12' })
  expect(scene.parse('s=abc&i=<x>')).toEqual({ inviterCode: '', storeId: '' })
  expect(scene.parse('%E0%A4%A')).toEqual({ inviterCode: '', storeId: '' })
  expect(scene.parse(undefined)).toEqual({ inviterCode: '', storeId: '' })
  expect(scene.fromQuery({ inviter: 'ab12cd34' }).inviterCode).toBe('AB12CD34')
  expect(scene.fromQuery({ scene: 'i%3DZZ', inviter: 'AB' }).inviterCode).toBe('ZZ')
})
