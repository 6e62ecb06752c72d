/**
 * API-NOT-USED.md lists, with a reason, every root field of the schema that no mini-program document
 * sends: a field the app starts using must leave the list, and a new field the app does not use
 * must be added with its reason.
 */
const fs = require('fs')
const path = require('path')
const { parse } = require('graphql')
const { loadSchema, allDocuments } = require('./support/schema')

const ROOTS = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }

/** "Query.me", "Mutation.checkIn", ... of every root field some document selects. */
function usedRootFields() {
  const used = new Set()
  for (const [, document] of allDocuments()) {
    for (const definition of parse(document).definitions) {
      if (definition.kind !== 'OperationDefinition') continue
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind === 'Field') used.add(`${ROOTS[definition.operation]}.${selection.name.value}`)
      }
    }
  }
  return used
}

function schemaRootFields() {
  const schema = loadSchema()
  return Object.values(ROOTS).flatMap(type => (schema.getType(type)
    ? Object.keys(schema.getType(type).getFields()).map(field => `${type}.${field}`) : []))
}

function listed() {
  const text = fs.readFileSync(path.join(__dirname, '../API-NOT-USED.md'), 'utf8')
  return [...text.matchAll(/^- `((?:Query|Mutation|Subscription)\.\w+)`/gm)].map(m => m[1])
}

test('everyRootFieldTheAppDoesNotUseIsListedWithItsReasonAndNothingElse', () => {
  const used = usedRootFields()
  const unused = schemaRootFields().filter(field => !used.has(field))
  expect({ notListed: unused.filter(f => !listed().includes(f)), listedButUsed: listed().filter(f => used.has(f)) })
    .toEqual({ notListed: [], listedButUsed: [] })
})

test('aFieldIsListedOnce', () => {
  expect(new Set(listed()).size).toBe(listed().length)
})

test('theAppUsesTheMemberAndTillFields', () => {
  const used = usedRootFields()
  for (const field of ['Query.me', 'Mutation.recordPurchase', 'Mutation.scanMemberCode', 'Query.storeOrders', 'Subscription.pointsChanged']) {
    expect(used.has(field)).toBe(true)
  }
})
