/** Code 128 subset C: the symbol values, check symbol and modules of known encodings. */
const barcode = require('../src/lib/barcode')

// Modules of the symbols these tests use, as printed in the Code 128 standard's table (1 bar, 0 space).
const START_C = '11010011100'
const STOP = '1100011101011'
const VALUE = {
  12: '10110011100',
  31: '11011000110',
  34: '10001011000',
  52: '11011100010',
  56: '11100010110',
  78: '11000010100',
  82: '10010011110',
  88: '11110010010',
  90: '11011110110'
}

test('everySymbolIsElevenModulesOfThreeBarsAndThreeSpacesAndTheStopThirteen', () => {
  expect(barcode.PATTERNS).toHaveLength(107)
  expect(new Set(barcode.PATTERNS).size).toBe(107)
  barcode.PATTERNS.slice(0, 106).forEach(p => {
    const widths = p.split('').map(Number)
    expect(widths).toHaveLength(6)
    expect(widths.reduce((a, b) => a + b)).toBe(11)
    // bars add up to an even number of modules, spaces to an odd one (the symbology's parity rule)
    expect((widths[0] + widths[2] + widths[4]) % 2).toBe(0)
  })
  expect(barcode.PATTERNS[106].split('').map(Number).reduce((a, b) => a + b)).toBe(13)
})

test('fourDigitsEncodeAsStartCTwoPairsTheCheckSymbolAndStop', () => {
  // check: (105 + 12x1 + 34x2) mod 103 = 82
  expect(barcode.symbolsC('1234')).toEqual([105, 12, 34, 82, 106])
  expect(barcode.modules('1234')).toBe(START_C + VALUE[12] + VALUE[34] + VALUE[82] + STOP)
})

test('aMemberCodesEighteenDigitsEncodeAsNinePairsWithTheirCheckSymbol', () => {
  const digits = '881234567890123452'
  // (105 + 88x1 + 12x2 + 34x3 + 56x4 + 78x5 + 90x6 + 12x7 + 34x8 + 52x9) mod 103 = 2297 mod 103 = 31
  expect(barcode.symbolsC(digits)).toEqual([105, 88, 12, 34, 56, 78, 90, 12, 34, 52, 31, 106])
  expect(barcode.modules(digits)).toBe([START_C, VALUE[88], VALUE[12], VALUE[34], VALUE[56], VALUE[78], VALUE[90],
    VALUE[12], VALUE[34], VALUE[52], VALUE[31], STOP].join(''))
})

test('barsAreTheDarkRunsOfTheModulesAfterAQuietZone', () => {
  const { bars, totalModules } = barcode.bars('1234')
  // 5 symbols: 4 x 11 + 13 modules, and 10 quiet modules on each side
  expect(totalModules).toBe(57 + 20)
  expect(bars.slice(0, 3)).toEqual([{ x: 10, width: 2 }, { x: 13, width: 1 }, { x: 16, width: 3 }])
  const line = Array(totalModules).fill('0')
  bars.forEach(b => line.fill('1', b.x, b.x + b.width))
  expect(line.join('')).toBe('0'.repeat(10) + barcode.modules('1234') + '0'.repeat(10))
})

test('anOddNumberOfDigitsOrOtherCharactersAreRefused', () => {
  expect(() => barcode.modules('123')).toThrow('even number of digits')
  expect(() => barcode.modules('12a4')).toThrow()
  expect(() => barcode.modules('')).toThrow()
})
