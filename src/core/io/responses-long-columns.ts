import { NOT_APPLICABLE_LABEL, type Rating, RATING_LABELS } from '../model/rating-scale.ts';
import type { RaterGroup } from '../model/response.ts';
import { RESPONSE_FIELDS } from './response-fields.ts';

/** The columns a `responses-long.csv` must have to be read. */
export const LONG_REQUIRED_COLUMNS = [
  ...RESPONSE_FIELDS,
  'statement_id',
  'level',
  'domain',
  'rating',
  'rating_label',
] as const;

/**
 * DESIGN.md's `responses-long.csv`: one row per answer; a statement left unanswered has no row.
 * `case_item_uri` (issue 11), last, names the CASE item a statement came from, so ratings join back
 * to a district's CASE framework; files written before it existed are still read.
 */
export const LONG_COLUMNS = [...LONG_REQUIRED_COLUMNS, 'case_item_uri'] as const;

/** The label a reader of the file sees beside a rating; N/A reads differently for self and raters. */
export function ratingLabel(rating: Rating | null, group: RaterGroup): string {
  if (rating !== null) return RATING_LABELS[rating];
  return group === 'self' ? NOT_APPLICABLE_LABEL.self : NOT_APPLICABLE_LABEL.rater;
}
