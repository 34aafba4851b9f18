import { describe, expect, it } from 'vitest';
import { roundHalfAwayFromZero } from '../../../src/core/score/rounding.ts';

/** DESIGN.md's rounding by its definition: half away from zero on the decimal the number prints as. */
function byDecimalText(value: number, decimals: number): number {
  const abs = Math.abs(value);
  const text = String(abs);
  if (text.includes('e') && abs >= 1) return value;
  const shifted = text.includes('e') ? abs * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(shifted) / 10 ** decimals;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

describe('rounding without printing every figure', () => {
  it('gives exactly the decimal-text result for every mean, percent and sd scoring can produce from up to 400 ratings', () => {
    const differences: string[] = [];
    const check = (value: number) => {
      for (const decimals of [1, 2, 3]) {
        if (!Object.is(roundHalfAwayFromZero(value, decimals), byDecimalText(value, decimals))) differences.push(`${value} to ${decimals}`);
      }
    };
    for (let count = 1; count <= 400; count += 1) {
      for (let sum = count; sum <= 4 * count; sum += 1) {
        const mean = sum / count;
        check(mean);
        check(-mean);
        check(((mean - 1) / 3) * 100);
        check(Math.sqrt(mean));
        check(mean - 2.5);
      }
    }
    expect(differences).toEqual([]);
  });

  it('still rounds the halves the fast path leaves to the decimal text, 1.005 up and -2.675 away from zero', () => {
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-2.675, 2)).toBe(-2.68);
    expect(roundHalfAwayFromZero(0.05, 1)).toBe(0.1);
    expect(Object.is(roundHalfAwayFromZero(-0.004, 2), 0)).toBe(true);
  });
});
