/**
 * Every page of app.json has pictures: test/shots/table.js (taken by scripts/miniprogram-shots)
 * must have at least one entry per page, member pages and the staff subpackage alike, and no
 * entry for a page that is not in app.json.
 */
const { SHOTS, fileName } = require('./shots/table')
const { appPages } = require('./shots/phone')

/** Pages of app.json without a picture, and pictures of pages not in app.json. */
function coverage(pages, shots) {
  const pictured = new Set(shots.map(shot => shot.page))
  return {
    withoutPictures: pages.filter(page => !pictured.has(page)),
    notInApp: [...pictured].filter(page => !pages.includes(page))
  }
}

test('everyPageOfTheAppHasAPictureInTheTable', () => {
  const pages = appPages()
  expect(pages).toEqual(expect.arrayContaining(['pages/card/index', 'staff/till/index']))
  expect(coverage(pages, SHOTS)).toEqual({ withoutPictures: [], notInApp: [] })
})

test('aPageAddedToTheAppWithoutAnEntryIsNamed', () => {
  const pages = appPages().concat('pages/not-pictured-yet/index')
  expect(coverage(pages, SHOTS).withoutPictures).toEqual(['pages/not-pictured-yet/index'])
})

test('everyPictureHasItsOwnFileName', () => {
  const names = SHOTS.map(fileName)
  expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
  expect(fileName({ page: 'pages/card/index', state: 'loaded' })).toBe('card-loaded.png')
  expect(fileName({ page: 'staff/till/index', state: 'member' })).toBe('staff-till-member.png')
  expect(names.every(name => /^[a-z0-9-]+\.png$/.test(name))).toBe(true)
})
