/**
 * A fake backend for page tests: answers wx.request by the document's operation name with the
 * handler a test registered, and records every request so tests can assert what was sent.
 */
const { operationName } = require('../../src/api/gql')

function createServer() {
  const handlers = {}
  const server = {
    requests: [],
    /** handler(variables, request) returns `data`, or { errors }, or { statusCode, data }, or throws 'NETWORK'. */
    on(name, handler) {
      handlers[name] = handler
      return server
    },
    /** The variables of each request for one operation, oldest first. */
    calls(name) {
      return server.requests.filter(r => r.operationName === name).map(r => r.variables)
    },
    handle(options) {
      const name = operationName(options.data.query)
      const request = { operationName: name, variables: options.data.variables, headers: options.header }
      server.requests.push(request)
      const handler = handlers[name]
      if (!handler) throw new Error(`fake server: no handler for ${name}`)
      return handler(options.data.variables, request)
    }
  }
  return server
}

/** Wraps a handler's answer as the HTTP response wx.request hands to `success`. */
function toResponse(answer) {
  if (answer && answer.statusCode) return answer
  if (answer && answer.errors) return { statusCode: 200, data: { errors: answer.errors } }
  return { statusCode: 200, data: { data: answer } }
}

/** A GraphQL error the backend sends for a field the caller may not see. */
function unauthenticated() {
  return { errors: [{ message: 'Unauthorized', extensions: { classification: 'UNAUTHENTICATED' } }] }
}

module.exports = { createServer, toResponse, unauthenticated }
