/** The backend's schema (../schema/*.graphqls) and every document the mini-program sends (src/api/documents). */
const fs = require('fs')
const path = require('path')
const { buildSchema } = require('graphql')

const SCHEMA_DIR = path.join(__dirname, '../../../schema')
const DOCUMENTS_DIR = path.join(__dirname, '../../src/api/documents')

function loadSchema() {
  const sdl = fs.readdirSync(SCHEMA_DIR)
    .filter(f => f.endsWith('.graphqls'))
    .sort()
    .map(f => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))
    .join('\n')
  return buildSchema(sdl)
}

/** [name, document] of every exported document, name as "member.js MY_CARD". */
function allDocuments() {
  return fs.readdirSync(DOCUMENTS_DIR).filter(f => f.endsWith('.js')).flatMap(file => {
    const exported = require(path.join(DOCUMENTS_DIR, file))
    return Object.keys(exported).map(name => [`${file} ${name}`, exported[name]])
  })
}

module.exports = { loadSchema, allDocuments }
