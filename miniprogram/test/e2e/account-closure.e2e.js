/**
 * Closing the account against a real backend (dev profile): after closeAccount the app stays
 * signed out, a sign-in the app attempts is refused with the erase date, and only the member's
 * 撤销注销并登录 keeps the account.
 */
const session = require('../../src/api/session')
const client = require('../../src/api/client')
const { MY_CONSENTS } = require('../../src/api/documents/privacy')
const { loadPage, text, waitFor } = require('../support/page')

const memberName = 'e2ecl' + Date.now().toString(36)

let wx
beforeAll(() => {
  wx = useRealWx(memberName)
})

async function openPrivacy() {
  const page = loadPage('pages/privacy/index')
  page.instance.onLoad({})
  return page
}

test('aClosingMemberStaysSignedOutUntilTheyChooseToCancelTheClosure', async () => {
  const first = await session.loginMember()
  const page = await openPrivacy()
  await waitFor(() => text(page, '.close-account'))
  page.querySelector('.close-account').dispatchEvent('tap', {})
  const signIn = () => page.querySelector('#sign-in')
  const closing = await waitFor(() => signIn() && text(signIn(), '.closing-text'))
  expect(closing).toMatch(/^账户将于\d{4}-\d{2}-\d{2}注销$/)

  // the app signs nothing in by itself, and a sign-in without the member's choice is refused
  await expect(client.request(MY_CONSENTS)).rejects.toMatchObject({ code: 'ACCOUNT_CLOSURE_PENDING' })
  await expect(session.loginMember({ explicit: true })).rejects.toMatchObject({ code: 'ACCOUNT_CLOSURE_PENDING' })

  // reopening the page shows the same choice
  const again = await openPrivacy()
  await waitFor(() => again.querySelector('#sign-in') && text(again.querySelector('#sign-in'), '.closing-text'))
  again.querySelector('#sign-in').querySelector('.cancel-closure').dispatchEvent('tap', {})
  await waitFor(() => text(again, '.notice-accepted') || text(again, '.accept-notice'))
  const consents = (await client.request(MY_CONSENTS)).myConsents
  expect(consents.closesAt).toBeNull()
  expect(session.get('member').memberId).toBe(first.member.id)
})
