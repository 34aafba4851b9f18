/**
 * DESIGN.md: mean, sd, gap, self and others to 2 decimals, percent to 1. Half away from zero on
 * the DECIMAL value the number prints as, so 1.005 gives 1.01 although the double 1.005 is a
 * hair below it: shifting the decimal point in the shortest representation (`1.005e2`) is exact
 * where multiplying by 100 is not.
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const abs = Math.abs(value);
  // Fast path, the same result: below 10^6 once shifted, multiplying is off by far less than
  // 10^-6, so unless the shifted value is that close to a half, Math.round of the product and
  // of the exact decimal shift agree. Printing every figure as text was a tenth of a million-
  // response `npm run score` (issue 13).
  const scale = 10 ** decimals;
  const scaled = abs * scale;
  if (scaled < 1e6 && Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6) {
    const quick = Math.round(scaled) / scale;
    return value < 0 && quick !== 0 ? -quick : quick;
  }
  const text = String(abs);
  // Numbers that print with an exponent are huge (whole already) or tiny (round to 0 or near).
  if (text.includes('e') && abs >= 1) return value;
  const shifted = text.includes('e') ? abs * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(shifted) / 10 ** decimals;
  // No "-0" in a CSV: a figure that rounds to zero is zero.
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Mean, sd, gap, self and others figures. */
export function roundFigure(value: number | null): number | null {
  return value === null ? null : roundHalfAwayFromZero(value, 2);
}

export function roundPercent(value: number | null): number | null {
  return value === null ? null : roundHalfAwayFromZero(value, 1);
}
