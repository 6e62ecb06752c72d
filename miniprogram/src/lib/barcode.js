/**
 * Code 128 barcodes of digits (subset C: two digits per symbol), for the member code's 18 digits
 * that POS scanners read: start C, the digit pairs, the check symbol and stop, framed by quiet
 * zones. A symbol is 3 bars and 3 spaces, given as their widths in modules (stop: 4 bars, 3 spaces).
 */

/** The widths (bar, space, bar, space, bar, space[, bar]) of each symbol value 0..106. */
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112'
]

const START_C = 105
const STOP = 106
/** Modules of white on each side, as the standard asks (at least 10). */
const QUIET_ZONE = 10

/** The symbol values for digits (an even count): start C, one value per pair, the check value, stop. */
function symbolsC(digits) {
  const text = String(digits)
  if (!/^(\d\d)+$/.test(text)) throw new Error('Code 128 subset C needs an even number of digits: ' + text)
  const pairs = text.match(/\d\d/g).map(Number)
  const check = pairs.reduce((sum, value, i) => sum + value * (i + 1), START_C) % 103
  return [START_C].concat(pairs, [check, STOP])
}

/** The barcode as a string of modules, '1' dark and '0' light, without quiet zones. */
function modules(digits) {
  return symbolsC(digits).map(value => PATTERNS[value].split('').map((width, i) => (i % 2 === 0 ? '1' : '0').repeat(Number(width))).join('')).join('')
}

/**
 * The dark bars to draw, left to right, in modules from the left edge of the quiet zone:
 * [{x, width}]; and the total width in modules (quiet zones included).
 */
function bars(digits) {
  const dark = []
  const line = modules(digits)
  let i = 0
  while (i < line.length) {
    let end = i
    while (end < line.length && line[end] === line[i]) end++
    if (line[i] === '1') dark.push({ x: QUIET_ZONE + i, width: end - i })
    i = end
  }
  return { bars: dark, totalModules: line.length + 2 * QUIET_ZONE }
}

module.exports = { PATTERNS, QUIET_ZONE, symbolsC, modules, bars }
