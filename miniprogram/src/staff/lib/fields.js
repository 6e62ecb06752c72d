/** Maps an ApiError's input path (["input","pointsToRedeem"]) to the name of a form field. */

/**
 * @param {object} error an ApiError (or anything)
 * @param {object} names backend field name → form field name
 * @returns {string|null} the form field the error is about, null when none
 */
function formField(error, names) {
  const path = (error && error.field) || []
  for (let i = path.length - 1; i >= 0; i--) {
    if (names[path[i]]) return names[path[i]]
  }
  return null
}

module.exports = { formField }
