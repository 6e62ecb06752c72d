// Pictures of goods and events: chosen in the goods form and the event form, uploaded at once to
// POST /media/pictures, shown as the server stored them, with the upload's loading and error states;
// and the detail pages showing them (an uploaded one from this origin, one hosted elsewhere as a link).
import { describe, test, expect, vi } from 'vitest'
import MallGoods from '../../src/pages/mall/MallGoods.vue'
import MallGoodsDetail from '../../src/pages/mall/MallGoodsDetail.vue'
import EventForm from '../../src/pages/events/EventForm.vue'
import EventDetail from '../../src/pages/events/EventDetail.vue'
import { settle } from '../support/mount.js'
import { mountPage, inBody, typeInto } from './coupons-fixtures.js'

const KEY = 'k'.repeat(43)
const UPLOADED = `http://localhost:8080/media/${KEY}.jpg`
const list = { managedMallGoods: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } }
const OPTIONS = { ConsoleEventFormOptions: { tiers: [{ level: 0, name: '普通' }], tags: { edges: [] } } }

/**
 * Answers POST /media/pictures with `answer(url, form)` ({ status, body } or a promise of one) and
 * passes every other request to the GraphQL answers mountPage set up; records the uploads.
 */
function answerUploads(answer) {
  const graphql = globalThis.fetch
  const uploads = []
  globalThis.fetch = vi.fn(async (url, init) => {
    if (!String(url).startsWith('/media/pictures')) return graphql(url, init)
    uploads.push({ url, file: init.body.get('file'), authorization: init.headers.Authorization })
    const { status, body } = await answer(url)
    return { ok: status < 300, status, json: async () => body }
  })
  return uploads
}

/** Chooses a file in the upload control inside `root`, as a person picking it in the file dialog would. */
async function choose(root, file) {
  const input = root.querySelector('[data-test=picture-upload] input[type=file]')
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
  await settle()
}

const png = (name = 'cup.png', bytes = 2048, type = 'image/png') => new File([new Uint8Array(bytes)], name, { type })

async function openGoodsForm(more = {}) {
  const page = await mountPage(MallGoods, {
    role: 'MARKETER', path: '/mall',
    answers: { ConsoleMallGoods: list, ConsoleCreateMallGoods: v => ({ createMallGoods: { goods: { id: '9', ...v.input }, userErrors: [] } }), ...more }
  })
  await page.wrapper.find('[data-test=create-goods]').trigger('click')
  await settle()
  return { ...page, form: inBody('[data-test=goods-form]') }
}

describe('the picture of goods', () => {
  test('a chosen picture is uploaded at once, shown as stored, and saved with the goods', async () => {
    const { form, calls } = await openGoodsForm()
    const uploads = answerUploads(() => ({ status: 200, body: { url: UPLOADED, width: 1280, height: 960 } }))
    expect(form.querySelector('[data-test=picture-choose]').textContent).toContain('上传图片')

    await choose(form, png())

    expect(uploads).toHaveLength(1)
    expect(uploads[0].url).toBe('/media/pictures?for=GOODS')
    expect(uploads[0].file.name).toBe('cup.png')
    expect(uploads[0].authorization).toBe('Bearer test-token')
    // shown from this origin (the console's CSP), whatever address the server handed out
    expect(form.querySelector('[data-test=picture-preview]').getAttribute('src')).toBe(`/media/${KEY}.jpg`)
    expect(form.querySelector('[data-test=picture-choose]').textContent).toContain('更换图片')

    await typeInto(form, 'goods-name', '帆布袋')
    inBody('[data-test=goods-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleCreateMallGoods').variables.input.pictureUrl).toBe(UPLOADED)
  })

  test('while it uploads the button spins and says so, and a refusal shows the server\'s reason', async () => {
    const { form } = await openGoodsForm()
    let finish
    answerUploads(() => new Promise(resolve => { finish = resolve }))

    await choose(form, png('big-photo.jpg', 4096, 'image/jpeg'))
    expect(form.querySelector('[data-test=picture-uploading]').textContent).toContain('正在上传')
    expect(form.querySelector('[data-test=picture-choose]').classList.contains('is-loading')).toBe(true)

    finish({ status: 415, body: { errors: [{ message: '这个文件不是图片或已损坏，请上传 JPG、PNG 或 WebP 图片',
      extensions: { code: 'UPLOAD_TYPE_UNSUPPORTED', classification: 'BAD_REQUEST' } }] } })
    await settle()
    expect(form.querySelector('[data-test=picture-uploading]')).toBeNull()
    expect(form.querySelector('[data-test=picture-error]').textContent)
      .toContain('图片上传失败：这个文件不是图片或已损坏，请上传 JPG、PNG 或 WebP 图片')
    expect(form.querySelector('[data-test=picture-preview]')).toBeNull()
  })

  test('a file over 2 MB or of another type is not even sent', async () => {
    const { form } = await openGoodsForm()
    const uploads = answerUploads(() => ({ status: 200, body: { url: UPLOADED } }))

    await choose(form, png('huge.png', 2 * 1024 * 1024 + 1))
    expect(form.querySelector('[data-test=picture-error]').textContent).toContain('图片太大，请选择不超过 2MB 的图片')
    await choose(form, png('anim.gif', 100, 'image/gif'))
    expect(form.querySelector('[data-test=picture-error]').textContent).toContain('只能上传 JPG、PNG 或 WebP 图片')
    expect(uploads).toHaveLength(0)
  })

  test('a picture hosted elsewhere is given by its https address and linked to, not shown', async () => {
    const { form, calls } = await openGoodsForm()
    form.querySelector('[data-test=picture-use-url]').click()
    await settle()
    await typeInto(form, 'picture-url', 'http://cdn.example.com/cup.jpg')
    form.querySelector('[data-test=picture-url]').closest('.typed').querySelector('button').click()
    await settle()
    expect(form.querySelector('[data-test=picture-error]').textContent).toContain('外部图片需填写 https 开头的地址')

    await typeInto(form, 'picture-url', 'https://cdn.example.com/cup.jpg')
    form.querySelector('[data-test=picture-url]').closest('.typed').querySelector('button').click()
    await settle()
    expect(form.querySelector('[data-test=picture-external]').textContent).toContain('控制台不显示外部图片')
    expect(form.querySelector('[data-test=picture-external] a').getAttribute('href')).toBe('https://cdn.example.com/cup.jpg')

    await typeInto(form, 'goods-name', '帆布袋')
    inBody('[data-test=goods-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleCreateMallGoods').variables.input.pictureUrl).toBe('https://cdn.example.com/cup.jpg')
  })

  test('移除 takes the picture off', async () => {
    const { form, calls } = await openGoodsForm()
    answerUploads(() => ({ status: 200, body: { url: UPLOADED } }))
    await choose(form, png())
    form.querySelector('[data-test=picture-remove]').click()
    await settle()
    expect(form.querySelector('[data-test=picture-preview]')).toBeNull()
    await typeInto(form, 'goods-name', '帆布袋')
    inBody('[data-test=goods-save]').click()
    await settle()
    expect(calls.find(c => c.operationName === 'ConsoleCreateMallGoods').variables.input).not.toHaveProperty('pictureUrl')
  })

  test('the goods detail shows an uploaded picture from this origin and links one hosted elsewhere', async () => {
    const goods = pictureUrl => ({ managedMallItem: { id: '1', version: 1, status: 'ON_SALE', name: '保温杯', description: null, pictureUrl,
      pointsPrice: 100, cashCents: 0, fulfilment: 'PICKUP', stockScope: 'BRAND', stockLeft: 3, storeStocks: [], limitPerMember: null,
      limitPeriod: 'LIFETIME', minTierLevel: 0, earlyAccessTierLevel: null, earlyAccessFrom: null, openFrom: null, tierOnly: false,
      earlyAccessNow: false, redeemedCount: 0, updatedAt: '2026-12-01T02:00:00Z' } })
    const uploaded = await mountPage(MallGoodsDetail, { role: 'MARKETER', path: '/mall/1', routePath: '/mall/:id',
      answers: { ConsoleMallItem: goods(`https://loyalty.example.com/media/${KEY}.png`) } })
    expect(uploaded.wrapper.find('[data-test=picture-preview]').attributes('src')).toBe(`/media/${KEY}.png`)
    uploaded.wrapper.unmount()

    const hosted = await mountPage(MallGoodsDetail, { role: 'MARKETER', path: '/mall/1', routePath: '/mall/:id',
      answers: { ConsoleMallItem: goods('https://cdn.example.com/cup.jpg') } })
    expect(hosted.wrapper.find('[data-test=picture-preview]').exists()).toBe(false)
    expect(hosted.wrapper.find('[data-test=picture-external] a').attributes('href')).toBe('https://cdn.example.com/cup.jpg')
  })
})

describe('the picture of an event', () => {
  test('a store manager\'s picture is uploaded for their store, and a refusal says why', async () => {
    const { wrapper } = await mountPage(EventForm, { role: 'STORE_MANAGER', path: '/events/new', answers: OPTIONS })
    const form = wrapper.find('[data-test=event-form]').element
    let refuse = false
    const uploads = answerUploads(() => (refuse
      ? { status: 403, body: { errors: [{ message: 'Forbidden: staff may act only at their own store', extensions: { classification: 'FORBIDDEN' } }] } }
      : { status: 200, body: { url: UPLOADED, width: 800, height: 600 } }))

    await choose(form, png('tasting.png'))
    expect(uploads[0].url).toBe('/media/pictures?for=EVENT&storeId=1')
    expect(form.querySelector('[data-test=picture-preview]').getAttribute('src')).toBe(`/media/${KEY}.jpg`)

    refuse = true
    await choose(form, png('other.png'))
    expect(form.querySelector('[data-test=picture-error]').textContent).toContain('图片上传失败：没有权限进行此操作')
    // the picture uploaded before stays
    expect(form.querySelector('[data-test=picture-preview]').getAttribute('src')).toBe(`/media/${KEY}.jpg`)
  })

  test('before a store is picked, a marketer\'s picture is the brand\'s', async () => {
    const { wrapper } = await mountPage(EventForm, { role: 'MARKETER', path: '/events/new', answers: OPTIONS })
    const form = wrapper.find('[data-test=event-form]').element
    const uploads = answerUploads(() => ({ status: 200, body: { url: UPLOADED } }))
    await choose(form, png())
    expect(uploads[0].url).toBe('/media/pictures?for=EVENT')
  })

  test('the event detail shows its picture', async () => {
    const { wrapper } = await mountPage(EventDetail, { role: 'STORE_MANAGER', path: '/events/7', routePath: '/events/:id',
      answers: { ConsoleMemberEvent: { memberEvent: {
        id: '7', title: '秋季咖啡品鉴会', storeId: '1', store: { id: '1', name: '徐汇店' }, description: '新品咖啡', pictureUrl: UPLOADED,
        startsAt: '2026-12-20T06:00:00Z', endsAt: '2026-12-20T08:00:00Z', capacity: 20, minTierLevel: null, tagIds: [],
        signUpOpensAt: '2026-12-01T00:00:00Z', signUpClosesAt: '2026-12-20T06:00:00Z', points: 50, cancelDeadline: '2026-12-19T06:00:00Z',
        status: 'DRAFT', version: 1, placesTaken: 0, placesLeft: 20, signUpOpen: false, createdAt: '2026-12-01T00:00:00Z',
        updatedAt: '2026-12-02T00:00:00Z', cancelledAt: null, cancelReason: null,
        stats: { signedUp: 0, waiting: 0, cancelled: 0, attended: 0, noShows: 0, pointsAwarded: 0 },
        signUps: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } } } })
    expect(wrapper.find('[data-test=picture-preview]').attributes('src')).toBe(`/media/${KEY}.jpg`)
  })
})
