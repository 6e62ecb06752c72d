/**
 * Marks a GraphQL document. Every document of the mini-program lives in api/documents/ as a
 * `gql` string with an operation name; test/documents.test.js validates each against schema/.
 */
function gql(strings, ...values) {
  let text = strings[0]
  for (let i = 0; i < values.length; i++) text += values[i] + strings[i + 1]
  return text.trim()
}

/** The operation name of a document, e.g. "Me" for `query Me { ... }`. */
function operationName(document) {
  const match = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document)
  return match ? match[1] : null
}

module.exports = { gql, operationName }
