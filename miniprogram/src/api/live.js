/**
 * Live updates over the graphql-transport-ws protocol on wx.connectSocket. When the server closes
 * the socket because its token expired or its sign-in ended (code 4401), the session is refreshed
 * and the socket opened again with the new token. When the socket cannot be opened, is refused,
 * drops, or the refresh fails, `onFallback` is called once so the page can poll instead.
 */

const config = require('../config')
const session = require('./session')

const PROTOCOL = 'graphql-transport-ws'
/** graphql-ws's close code for a token that expired or was revoked. */
const UNAUTHORIZED = 4401
/** Reconnections in a row that may fail before the page polls instead (a refreshed token should be acknowledged). */
const MAX_RECONNECTS = 2

function socketUrl() {
  return config.apiUrl().replace(/^http/, 'ws') + '/graphql'
}

/**
 * Subscribes the signed-in member to a subscription document.
 * @returns {{ close: function }} stops the subscription (no fallback is called after close)
 */
function subscribe(document, variables, handlers) {
  const { onNext, onFallback } = handlers
  let closed = false
  let fellBack = false
  let socket = null
  let reconnects = 0
  const fallBack = () => {
    if (closed || fellBack) return
    fellBack = true
    if (onFallback) onFallback()
  }
  const reconnect = async () => {
    if (closed || fellBack) return
    if (reconnects >= MAX_RECONNECTS) return fallBack()
    reconnects += 1
    let renewed = false
    try {
      renewed = await session.refresh('member')
    } catch (e) {
      renewed = false
    }
    if (renewed) connect()
    else fallBack()
  }
  const connect = () => {
    if (closed) return
    const current = session.get('member')
    if (!current) return fallBack()
    const opened = wx.connectSocket({ url: socketUrl(), protocols: [PROTOCOL] })
    socket = opened
    const send = message => opened.send({ data: JSON.stringify(message) })
    opened.onOpen(() => send({ type: 'connection_init', payload: { Authorization: 'Bearer ' + current.accessToken } }))
    opened.onMessage(event => {
      let message
      try {
        message = JSON.parse(event.data)
      } catch (e) {
        return
      }
      if (message.type === 'connection_ack') {
        reconnects = 0
        send({ id: '1', type: 'subscribe', payload: { query: document, variables: variables || {} } })
      } else if (message.type === 'next' && message.payload && message.payload.data) {
        onNext(message.payload.data)
      } else if (message.type === 'ping') {
        send({ type: 'pong' })
      } else if (message.type === 'error' || (message.type === 'next' && message.payload.errors)) {
        fallBack()
        opened.close({})
      }
    })
    opened.onError(() => { if (socket === opened) fallBack() })
    opened.onClose(event => {
      if (socket !== opened) return
      if (event && event.code === UNAUTHORIZED) reconnect()
      else fallBack()
    })
  }
  connect()
  return {
    close() {
      closed = true
      if (socket) socket.close({})
    }
  }
}

module.exports = { subscribe }
