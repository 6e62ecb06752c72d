/**
 * The avatar journey against a real backend: on 我的 → 编辑资料 the member picks a picture (WeChat's
 * temporary file), the page uploads it with wx.uploadFile, saves the URL the backend issued, and
 * the backend serves a re-encoded JPEG at that URL; a text file dressed as a picture is refused
 * with the backend's own words.
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
const zlib = require('zlib')
const client = require('../../src/api/client')
const { UPDATE_CONSENTS } = require('../../src/api/documents/privacy')
const { loadPage, flush, text, tap, waitFor } = require('../support/page')

const memberName = 'e2eavatar' + Date.now().toString(36)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wx-tmp-'))

/** A small opaque PNG (width x height, one colour), as a temporary file WeChat would hand over. */
function pngFile(name, width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = bytes => { let c = 0xffffffff; for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0 }
  const chunk = (type, data) => {
    const typed = Buffer.concat([Buffer.from(type), data])
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length)
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(typed))
    return Buffer.concat([length, typed, sum])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0); header.writeUInt32BE(height, 4); header[8] = 8; header[9] = 2
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)])
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(Array(height).fill(row)))), chunk('IEND', Buffer.alloc(0))])
  const file = path.join(dir, name)
  fs.writeFileSync(file, png)
  return file
}

function get(url) {
  return new Promise((resolve, reject) => require('http').get(url, res => {
    const chunks = []
    res.on('data', c => chunks.push(c))
    res.on('end', () => resolve({ statusCode: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
  }).on('error', reject))
}

async function editingMine() {
  const page = loadPage('pages/mine/index')
  page.instance.onLoad({})
  await waitFor(() => text(page, '.edit'))
  tap(page, '.edit')
  await flush()
  return page
}

beforeAll(async () => {
  useRealWx(memberName)
  await client.mutate(UPDATE_CONSENTS, { input: { acceptNoticeVersion: 1, marketing: false } })
})

test('theMemberPicksAPictureAndItIsUploadedSavedAndServedReEncoded', async () => {
  const page = await editingMine()
  page.querySelector('.avatar-button').dispatchEvent('chooseavatar', { detail: { avatarUrl: pngFile('tmp_avatar.png', 900, 600) } })
  await waitFor(() => page.instance.data.draft.avatarUrl || text(page, '.avatar-error'))
  const url = page.instance.data.draft.avatarUrl
  expect(text(page, '.avatar-error')).toBeNull()
  expect(url).toMatch(/\/media\/[A-Za-z0-9_-]{43}\.jpg$/)

  tap(page, '.save')
  await waitFor(() => !page.instance.data.editing)
  expect(page.instance.member.avatarUrl).toBe(url)
  expect(wx.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })

  const served = await get(process.env.LOYALTY_API_URL + new URL(url).pathname)
  expect(served.statusCode).toBe(200)
  expect(served.headers['content-type']).toBe('image/jpeg')
  expect(served.headers['x-content-type-options']).toBe('nosniff')
  expect(served.body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
})

test('aTextFileDressedAsAPictureIsRefusedInTheBackendsWords', async () => {
  const page = await editingMine()
  const fake = path.join(dir, 'tmp_fake.png')
  fs.writeFileSync(fake, 'not an image at all')
  page.querySelector('.avatar-button').dispatchEvent('chooseavatar', { detail: { avatarUrl: fake } })
  await waitFor(() => text(page, '.avatar-error'))
  expect(text(page, '.avatar-error')).toBe('头像上传失败：只能上传 JPG 或 PNG 图片，这个文件无法识别')
})
