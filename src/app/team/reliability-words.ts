import { type AxisReliability, RELIABILITY_MIN_RESPONSES } from '../../core/score/reliability.ts';
import { roundHalfAwayFromZero } from '../../core/score/rounding.ts';

/** The usual bar for a set of statements to be read as one scale (issue 12). */
export const ALPHA_BAR = 0.7;
/** Under this many statements alpha swings from one batch of responses to the next (issue 12). */
const STABLE_STATEMENTS = 3;
/** Above this, statements may say the same thing twice (README). */
const REDUNDANT_ALPHA = 0.95;

/** Alpha as reliability.csv writes it: 3 decimals, "—" where empty. */
export function formatAlpha(alpha: number | null): string {
  return alpha === null ? '—' : roundHalfAwayFromZero(alpha, 3).toFixed(3);
}

/**
 * One plain sentence per axis for whoever designs or chooses the framework: what its alpha says,
 * or why there is none. Decided on the figure as shown (3 decimals), so that the words never
 * disagree with the number beside them.
 */
export function describeReliability(axis: AxisReliability): string {
  if (axis.statements < 2) return 'No alpha: it needs at least 2 statements, and this axis has 1.';
  if (axis.alpha === null) {
    if (axis.responses < RELIABILITY_MIN_RESPONSES) {
      return `No alpha yet: ${axis.responses} ${axis.responses === 1 ? 'response' : 'responses'} rated every statement of it, and it needs at least ${RELIABILITY_MIN_RESPONSES} (one "Not observed", N/A or unanswered statement leaves a response out).`;
    }
    return 'No alpha: every response that rated all of it gave the same total, so there is nothing to compare.';
  }
  const shown = roundHalfAwayFromZero(axis.alpha, 3);
  const unstable = axis.statements < STABLE_STATEMENTS ? ` With only ${axis.statements} statements, alpha is unstable: read it with care.` : '';
  if (shown < 0) return `Negative: its statements pull against each other (people who rate one high rate another low). Check their wording, or collect more responses.${unstable}`;
  if (shown < ALPHA_BAR) return `Below the usual bar of 0.70: its statements seem to measure different things, so its percent mixes them.${unstable}`;
  if (shown > REDUNDANT_ALPHA) return `Above the usual bar of 0.70, and very high: some statements may say the same thing twice.${unstable}`;
  return `At or above the usual bar of 0.70: its statements hang together as one scale.${unstable}`;
}
