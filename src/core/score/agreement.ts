import { sampleSd } from './pooled-stats.ts';
import { roundHalfAwayFromZero } from './rounding.ts';

/**
 * DESIGN.md "Agreement": the sample standard deviation of the others' ratings of one statement
 * (n ratings, their sum and sum of squares), shown beside it; null under 2 ratings.
 */
export function othersAgreement(n: number, sum: number, sumSquares: number): number | null {
  return sampleSd(n, sum, sumSquares);
}

/**
 * The variance of an answer drawn uniformly from the four points of the scale: (4² - 1) / 12.
 * r_wg compares the raters' variance with it (James, Demaree & Wolf, 1984).
 */
export const UNIFORM_VARIANCE = 1.25;

/** Issue 12: r_wg is given from this many ratings of a statement (N/A and unanswered left out). */
export const RWG_MIN_RATINGS = 3;

/**
 * Issue 12, "Rater agreement per statement": r_wg of the others' ratings of one statement (n
 * ratings, their sum and sum of squares), or null under RWG_MIN_RATINGS ratings. The caller
 * asks only where `others` is shown.
 */
export function othersRwg(n: number, sum: number, sumSquares: number): number | null {
  return n < RWG_MIN_RATINGS ? null : rwgOfSpread(n, n * sumSquares - sum * sum);
}

/**
 * r_wg from a standard deviation and its number of ratings, for a figure that carries only
 * those (a signed 360 report: the learner holds no rater's answer). The sample variance of n
 * ratings on 1-4 is an integer over n(n - 1), so that integer is recovered exactly from the sd
 * and r_wg is the very number scoring gives from the ratings (othersRwg), not one an ulp away.
 */
export function rwgFromSd(sd: number | null, ratings: number): number | null {
  if (sd === null || ratings < RWG_MIN_RATINGS || !Number.isFinite(sd)) return null;
  const pairs = ratings * (ratings - 1);
  const spread = Math.round(sd * sd * pairs);
  // Past 2^53 the integers are no longer exact (no real report gets there): the plain formula.
  if (!Number.isSafeInteger(pairs * 5) || !Number.isSafeInteger(spread * 4)) return Math.min(1, Math.max(0, 1 - (sd * sd) / UNIFORM_VARIANCE));
  return rwgOfSpread(ratings, spread);
}

/**
 * r_wg = 1 - s² / 1.25, floored at 0, where s² = spread / (n(n - 1)) and spread = n·Σx² - (Σx)²
 * is an exact integer. Written as one division of exact integers,
 * (5n(n - 1) - 4·spread) / (5n(n - 1)), so that float noise never moves it across a band's edge.
 */
function rwgOfSpread(n: number, spread: number): number {
  const scale = 5 * n * (n - 1);
  return Math.max(0, (scale - 4 * spread) / scale);
}

/** LeBreton & Senter (2008)'s bands of r_wg, as issue 12 names them. */
export type AgreementBand = 'none' | 'weak' | 'moderate' | 'strong' | 'very-strong';

export const AGREEMENT_BANDS = ['none', 'weak', 'moderate', 'strong', 'very-strong'] as const satisfies readonly AgreementBand[];

/** The band in plain words, for a learner. */
export const AGREEMENT_BAND_WORDS: Readonly<Record<AgreementBand, string>> = {
  none: 'no agreement',
  weak: 'weak agreement',
  moderate: 'moderate agreement',
  strong: 'strong agreement',
  'very-strong': 'very strong agreement',
};

/**
 * The band of an r_wg: 0-0.30 none, 0.31-0.50 weak, 0.51-0.70 moderate, 0.71-0.90 strong,
 * 0.91-1 very strong. The bands are written at 2 decimals, so the band is that of r_wg rounded
 * to 2 decimals, the figure statements.csv and the profile show: a label never disagrees with
 * the number beside it (0.705 shows as 0.71 and is strong).
 */
export function agreementBand(rwg: number): AgreementBand {
  const shown = roundHalfAwayFromZero(rwg, 2);
  if (shown <= 0.3) return 'none';
  if (shown <= 0.5) return 'weak';
  if (shown <= 0.7) return 'moderate';
  if (shown <= 0.9) return 'strong';
  return 'very-strong';
}

/** agreementBand in plain words ("strong agreement"). */
export function describeAgreement(rwg: number): string {
  return AGREEMENT_BAND_WORDS[agreementBand(rwg)];
}
