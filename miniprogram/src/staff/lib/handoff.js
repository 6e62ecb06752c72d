/**
 * Hands data from one staff page to the next (till → result, till → adjust) in memory, so
 * nothing is stuffed into URLs. `take` reads once: a page opened again later starts empty.
 */

const box = new Map()

function put(key, value) {
  box.set(key, value)
}

/** The value put under key, removed from the box; null when there is none. */
function take(key) {
  if (!box.has(key)) return null
  const value = box.get(key)
  box.delete(key)
  return value
}

function clear() {
  box.clear()
}

module.exports = { put, take, clear }
