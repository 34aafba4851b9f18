import { describe, expect, it } from 'vitest';
import { roundFigure, roundHalfAwayFromZero, roundPercent } from '../../../src/core/score/rounding.ts';

describe('rounding', () => {
  it('rounds .005 up on the decimal value, where the double is a hair below', () => {
    // 1.005 is stored as 1.00499999999999989...; multiplying by 100 would give 1.00.
    expect(roundFigure(1.005)).toBe(1.01);
    expect(roundFigure(2.675)).toBe(2.68);
    expect(roundFigure(1.015)).toBe(1.02);
    expect(roundFigure(0.285)).toBe(0.29);
  });

  it('rounds half away from zero for negative gaps', () => {
    expect(roundFigure(-0.125)).toBe(-0.13);
    expect(roundFigure(-1.005)).toBe(-1.01);
  });

  it('rounds percent to one decimal, half away from zero', () => {
    expect(roundPercent(16.65)).toBe(16.7);
    expect(roundPercent(33.35)).toBe(33.4);
    // (2.2 - 1) / 3 * 100 = 40.00000000000001
    expect(roundPercent(((2.2 - 1) / 3) * 100)).toBe(40);
    expect(roundPercent(200 / 3)).toBe(66.7);
  });

  it('never writes minus zero', () => {
    expect(Object.is(roundFigure(-0.004), 0)).toBe(true);
  });

  it('keeps null for an empty figure', () => {
    expect(roundFigure(null)).toBeNull();
    expect(roundPercent(null)).toBeNull();
  });

  it('handles numbers printed with an exponent', () => {
    expect(roundHalfAwayFromZero(1e-7, 2)).toBe(0);
    expect(roundHalfAwayFromZero(1e21, 2)).toBe(1e21);
  });
});
