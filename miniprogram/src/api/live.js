/**
 * Live updates over the graphql-transport-ws protocol on wx.connectSocket. When the socket cannot
 * be opened, is refused, or drops, `onFallback` is called once so the page can poll instead.
 */

const config = require('../config')
const session = require('./session')

const PROTOCOL = 'graphql-transport-ws'

function socketUrl() {
  return config.apiUrl().replace(/^http/, 'ws') + '/graphql'
}

/**
 * Subscribes the signed-in member to a subscription document.
 * @returns {{ close: function }} stops the subscription (no fallback is called after close)
 */
function subscribe(document, variables, handlers) {
  const { onNext, onFallback } = handlers
  const current = session.get('member')
  let closed = false
  let fellBack = false
  const fallBack = () => {
    if (closed || fellBack) return
    fellBack = true
    if (onFallback) onFallback()
  }
  if (!current) {
    fallBack()
    return { close() { closed = true } }
  }
  const socket = wx.connectSocket({ url: socketUrl(), protocols: [PROTOCOL] })
  const send = message => socket.send({ data: JSON.stringify(message) })
  socket.onOpen(() => send({ type: 'connection_init', payload: { Authorization: 'Bearer ' + current.accessToken } }))
  socket.onMessage(event => {
    let message
    try {
      message = JSON.parse(event.data)
    } catch (e) {
      return
    }
    if (message.type === 'connection_ack') {
      send({ id: '1', type: 'subscribe', payload: { query: document, variables: variables || {} } })
    } else if (message.type === 'next' && message.payload && message.payload.data) {
      onNext(message.payload.data)
    } else if (message.type === 'ping') {
      send({ type: 'pong' })
    } else if (message.type === 'error' || (message.type === 'next' && message.payload.errors)) {
      fallBack()
      socket.close({})
    }
  })
  socket.onError(fallBack)
  socket.onClose(fallBack)
  return {
    close() {
      closed = true
      socket.close({})
    }
  }
}

module.exports = { subscribe }
