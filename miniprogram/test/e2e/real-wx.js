/**
 * A `wx` whose request and uploadFile go over real HTTP to the backend at LOYALTY_API_URL (the dev
 * profile, with its fake WeChat: login codes "dev-<name>" sign in member <name>). Everything else is
 * the test fake: storage in memory, UI calls recorded, sockets refused so pages fall back to polling.
 */
const fs = require('fs')
const path = require('path')
const http = require('http')
const { createWx } = require('../support/fake-wx')

const API_URL = process.env.LOYALTY_API_URL
if (!API_URL) throw new Error('LOYALTY_API_URL is not set: run the end-to-end tests through scripts/test')

function realRequest(options) {
  const body = JSON.stringify(options.data)
  const req = http.request(options.url, {
    method: options.method || 'GET',
    headers: Object.assign({ 'content-length': Buffer.byteLength(body) }, options.header),
    timeout: options.timeout || 15000
  }, res => {
    const chunks = []
    res.on('data', chunk => chunks.push(chunk))
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      let data = text
      try {
        data = JSON.parse(text)
      } catch (e) {
        // not JSON: hand over the text, as wx.request does
      }
      options.success && options.success({ statusCode: res.statusCode, data, header: res.headers })
    })
  })
  req.on('timeout', () => req.destroy(new Error('timeout')))
  req.on('error', err => options.fail && options.fail({ errMsg: 'request:fail ' + err.message }))
  req.end(body)
  return { abort: () => req.destroy() }
}

/**
 * wx.uploadFile over real HTTP: the file at filePath as the multipart field `name`, as WeChat sends
 * it; the answer's body handed over as text, like WeChat's.
 */
function realUploadFile(options) {
  const boundary = '----wxupload' + Date.now().toString(16)
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${options.name}"; filename="${path.basename(options.filePath)}"\r\n`
      + 'Content-Type: application/octet-stream\r\n\r\n'),
    fs.readFileSync(options.filePath),
    Buffer.from(`\r\n--${boundary}--\r\n`)
  ])
  const listeners = []
  const req = http.request(options.url, {
    method: 'POST',
    headers: Object.assign({ 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
      options.header),
    timeout: options.timeout || 60000
  }, res => {
    const chunks = []
    res.on('data', chunk => chunks.push(chunk))
    res.on('end', () => {
      listeners.forEach(f => f({ progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length }))
      options.success && options.success({ statusCode: res.statusCode, data: Buffer.concat(chunks).toString('utf8') })
    })
  })
  req.on('timeout', () => req.destroy(new Error('timeout')))
  req.on('error', err => options.fail && options.fail({ errMsg: 'uploadFile:fail ' + err.message }))
  req.end(body)
  return { onProgressUpdate: f => listeners.push(f), abort: () => req.destroy() }
}

/** Installs a fresh real-HTTP wx whose wx.login hands out `dev-<name>` codes for the given member. */
global.useRealWx = function useRealWx(memberName) {
  const wx = createWx()
  wx.request = jest.fn(realRequest)
  wx.uploadFile = jest.fn(realUploadFile)
  wx.login = jest.fn(options => setTimeout(() => options.success({ code: 'dev-' + memberName }), 0))
  wx.connectSocket = jest.fn(() => {
    const socket = { onOpen() {}, onMessage() {}, onClose() {}, send() {}, close() {},
      onError(f) { setTimeout(() => f({ errMsg: 'connectSocket:fail (e2e)' }), 0) } }
    return socket
  })
  wx.setStorageSync('loyalty.apiUrl', API_URL)
  global.wx = wx
  global.getApp = () => ({ globalData: {} })
  return wx
}
