import { FLAG_THRESHOLD } from './thresholds.ts';
/** DESIGN.md "Gap": a statement is flagged when self and others differ by a whole point or more. */
export type GapFlag = 'blind-spot' | 'hidden-strength';

/** Means like 11/3 carry float noise; it must never decide whether a gap reaches 1.0. */
const TOLERANCE = 1e-9;

/** Self mean minus others mean; null unless both exist (the caller passes null for a hidden `others`). */
export function gapOf(self: number | null, others: number | null): number | null {
  return self === null || others === null ? null : self - others;
}

/** blind-spot when self - others >= 1.0, hidden-strength when others - self >= 1.0. */
export function flagGap(gap: number | null): GapFlag | null {
  if (gap === null) return null;
  if (gap >= FLAG_THRESHOLD - TOLERANCE) return 'blind-spot';
  if (-gap >= FLAG_THRESHOLD - TOLERANCE) return 'hidden-strength';
  return null;
}
