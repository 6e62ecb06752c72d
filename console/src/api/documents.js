/**
 * GraphQL documents are plain strings written with `gql` (which only marks them for editors and
 * tests). Every document of the console lives in src/graphql/*.js, one named operation each; the
 * tests validate them all against schema/.
 */
export function gql(strings, ...values) {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? values[i] : ''), '')
}

/** 'query' or 'mutation', and the root fields a document selects (aliases resolved), e.g. ['campaigns']. */
export function operationOf(document) {
  const text = document.replace(/#[^\n]*/g, '')
  const kind = /^\s*(mutation|subscription)\b/.test(text) ? text.match(/^\s*(\w+)/)[1] : 'query'
  const start = text.indexOf('{')
  const fields = []
  let depth = 0
  let parens = 0
  const tokens = text.slice(start).match(/\.\.\.|[A-Za-z_][A-Za-z0-9_]*|"(?:[^"\\]|\\.)*"|[{}():]/g) || []
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token === '(') parens++
    else if (token === ')') parens--
    else if (parens > 0) continue
    else if (token === '{') depth++
    else if (token === '}') depth--
    else if (depth === 1 && /^[A-Za-z_]/.test(token)) {
      if (tokens[i + 1] === ':') { fields.push(tokens[i + 2]); i += 2 } else fields.push(token)
    }
  }
  return { kind, rootFields: [...new Set(fields)] }
}
