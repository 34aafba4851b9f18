import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type CsvCell, numberText, writeCsv } from '../../../src/core/io/csv-format.ts';
import { roundHalfAwayFromZero } from '../../../src/core/score/rounding.ts';

describe('numberText', () => {
  it('prints every number as String does', () => {
    fc.assert(fc.property(fc.oneof(fc.double(), fc.double({ min: -1e6, max: 1e6 }), fc.double({ min: -1, max: 1 })), (value) => numberText(value) === String(value)), { numRuns: 100_000 });
  });

  it('prints the figures of the score files (rounded to 1 or 2 decimals) as String does', () => {
    const figure = fc.tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.constantFrom(1, 2)).map(([value, decimals]) => roundHalfAwayFromZero(value, decimals));
    fc.assert(fc.property(figure, (value) => numberText(value) === String(value)), { numRuns: 20_000 });
  });

  it('prints zero, negative zero, whole numbers and the edges of plain notation as String does', () => {
    for (const value of [0, -0, 1, -1, 3, 100, 2 ** 53, 1e21, 1e-6, 1e-7, 0.1 + 0.2, -2.5, Number.NaN, Infinity, -Infinity]) {
      expect(numberText(value)).toBe(String(value));
    }
  });
});

describe('writeCsv', () => {
  it('writes the bytes papaparse writes with its own formula guard, numbers never guarded', () => {
    const columns = ['id', 'figure', 'note'];
    const rows: CsvCell[][] = [
      ['=1+1', -0.5, "'=already"],
      ['-5', 2.67, "'plain"],
      ['@sum', null, 'a, "quoted" note'],
      ['\tx', -3, '+\n'],
      [' spaced ', 0, ''],
    ];
    const papaparse = Papa.unparse({ fields: columns, data: rows }, { header: true, newline: '\r\n', escapeFormulae: /^'*[=+\-@\t\r\n]/ });
    expect(writeCsv(columns, rows)).toBe(`\uFEFF${papaparse}\r\n`);
  });
});
