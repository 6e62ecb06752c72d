/**
 * Every GraphQL document of the mini-program must be valid against the backend's schema/, so a
 * schema change that would break a page fails CI here first.
 */
const { parse, validate } = require('graphql')
const { loadSchema, allDocuments } = require('./support/schema')

const schema = loadSchema()
const documents = allDocuments()

test('the mini-program has documents to check', () => {
  expect(documents.length).toBeGreaterThan(3)
})

test.each(documents)('%s is valid against schema/', (name, document) => {
  const errors = validate(schema, parse(document))
  expect(errors.map(e => e.message)).toEqual([])
})

test.each(documents)('%s has exactly one named operation', (name, document) => {
  const operations = parse(document).definitions.filter(d => d.kind === 'OperationDefinition')
  expect(operations).toHaveLength(1)
  expect(operations[0].name && operations[0].name.value).toBeTruthy()
})

test('operation names are unique, so the fake server and logs can tell them apart', () => {
  const names = documents.map(([, document]) => parse(document).definitions[0].name.value)
  expect(new Set(names).size).toBe(names.length)
})

test('a document that asks for a field the schema lacks is caught', () => {
  const errors = validate(schema, parse('query Broken { me { id shoeSize } }'))
  expect(errors).toHaveLength(1)
})
