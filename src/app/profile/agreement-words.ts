import { type AgreementBand, agreementBand, describeAgreement, RWG_MIN_RATINGS } from '../../core/score/agreement.ts';
import { roundFigure } from '../../core/score/rounding.ts';
import type { ColumnTerm } from './column-terms.ts';

/** One line per band of r_wg (issue 12), for a learner: what the band says about the others' ratings. */
const BAND_HELP: Readonly<Record<AgreementBand, string>> = {
  none: "the others' ratings are as spread as random answers, or more: their average hides a split.",
  weak: "the others' ratings differ a lot: their average hides real differences of view.",
  moderate: 'the others roughly agree, with some difference of view.',
  strong: 'most of the others gave the same rating or one next to it.',
  'very-strong': 'the others gave (almost) the same rating.',
};

/** r_wg as statements.csv writes it: 2 decimals. */
export const formatRwg = (rwg: number): string => (roundFigure(rwg) ?? 0).toFixed(2);

/**
 * The band in words as a Term: the words on the page, the explanation on hover, focus or tap and
 * read by screen readers as the button's description.
 */
export function agreementTerm(rwg: number): ColumnTerm {
  return {
    label: describeAgreement(rwg),
    help: `Agreement ${formatRwg(rwg)} on a scale from 0 (as spread as random answers) to 1 (all the same): ${BAND_HELP[agreementBand(rwg)]}`,
    note: '',
  };
}

/** Issue 12: a blind spot or hidden strength where the others did not agree says so. */
export const othersDisagreed = (rwg: number | null): boolean => rwg !== null && (agreementBand(rwg) === 'none' || agreementBand(rwg) === 'weak');

export const AGREEMENT_NOTE = `Agreement: how much the others agreed with each other on the statement (r_wg, from 0 to 1), in words from "no agreement" to "very strong agreement"; given from ${RWG_MIN_RATINGS} ratings.`;

export const TOO_FEW_TO_SAY = `too few ratings to say (under ${RWG_MIN_RATINGS})`;
