/** Every WXML file of src/ (pages, components, staff pages) with its text, for tests that scan markup. */
const fs = require('fs')
const path = require('path')

const SRC = path.join(__dirname, '../../src')

function wxmlFiles(dir = SRC) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : wxmlFiles(full)
    return entry.name.endsWith('.wxml') ? [{ file: path.relative(SRC, full), text: fs.readFileSync(full, 'utf8') }] : []
  })
}

/** The opening tags of an element name in a WXML text: [{ tag, attributes: {name: value} }]. */
function openingTags(text, name) {
  const found = []
  // attributes may hold ">" inside quotes ({{a > 0}}): a tag ends at the first ">" outside them
  const pattern = new RegExp(`<${name}((?:\\s+[\\w:-]+(?:="[^"]*")?)*)\\s*/?>`, 'g')
  let match
  while ((match = pattern.exec(text))) {
    const attributes = {}
    const attrPattern = /([\w:-]+)(?:="([^"]*)")?/g
    let attr
    while ((attr = attrPattern.exec(match[1] || ''))) attributes[attr[1]] = attr[2] === undefined ? true : attr[2]
    found.push({ tag: match[0], attributes })
  }
  return found
}

module.exports = { SRC, wxmlFiles, openingTags }
