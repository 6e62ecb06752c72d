/**
 * Every GraphQL document of the console is valid against the backend's schema/, so a schema change
 * that would break a page fails here first; and the console's own reading of a document (its kind
 * and root fields, used to refuse what a role may not call) agrees with graphql-js.
 */
import { describe, test, expect } from 'vitest'
import { parse, validate, Kind } from 'graphql'
import { loadSchema, allDocuments } from './support/sources.js'
import { operationOf } from '../src/api/documents.js'

const schema = loadSchema()
const documents = await allDocuments()

describe('documents', () => {
  test('the console has documents to check', () => {
    expect(documents.length).toBeGreaterThan(3)
  })

  test.each(documents)('%s %s is valid against schema/', (file, name, document) => {
    expect(validate(schema, parse(document)).map(e => e.message)).toEqual([])
  })

  test.each(documents)('%s %s is one operation named Console…', (file, name, document) => {
    const operations = parse(document).definitions.filter(d => d.kind === Kind.OPERATION_DEFINITION)
    expect(operations).toHaveLength(1)
    expect(operations[0].name && operations[0].name.value).toMatch(/^Console[A-Z]/)
  })

  test('operation names are unique, so logs tell them apart', () => {
    const names = documents.map(([, , document]) => parse(document).definitions.find(d => d.kind === Kind.OPERATION_DEFINITION).name.value)
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([])
  })

  test.each(documents)('%s %s: the console reads the same root fields as graphql-js', (file, name, document) => {
    const operation = parse(document).definitions.find(d => d.kind === Kind.OPERATION_DEFINITION)
    const fields = [...new Set(operation.selectionSet.selections.map(s => s.name.value))]
    expect(operationOf(document)).toEqual({ kind: operation.operation, rootFields: fields })
  })

  test('a document that asks for a field the schema lacks is caught', () => {
    expect(validate(schema, parse('query ConsoleBroken { currentStaff { id shoeSize } }'))).toHaveLength(1)
  })
})
