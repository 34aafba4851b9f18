import { NOT_APPLICABLE_LABEL, type Rating, RATING_LABELS } from '../model/rating-scale.ts';
import type { RaterGroup } from '../model/response.ts';
import { RESPONSE_FIELDS } from './response-fields.ts';

/** DESIGN.md's `responses-long.csv`: one row per answer; a statement left unanswered has no row. */
export const LONG_COLUMNS = [
  ...RESPONSE_FIELDS,
  'statement_id',
  'level',
  'domain',
  'rating',
  'rating_label',
] as const;

/** The label a reader of the file sees beside a rating; N/A reads differently for self and raters. */
export function ratingLabel(rating: Rating | null, group: RaterGroup): string {
  if (rating !== null) return RATING_LABELS[rating];
  return group === 'self' ? NOT_APPLICABLE_LABEL.self : NOT_APPLICABLE_LABEL.rater;
}
