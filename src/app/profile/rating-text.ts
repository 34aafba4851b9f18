import { NOT_APPLICABLE_LABEL, RATING_LABELS, isRating } from '../../core/model/rating-scale.ts';
import type { SurveyResponse } from '../../core/model/response.ts';
import { formatFigure } from './format-figures.ts';

/** A mean rating; a whole one (a single rater's) also in words: "4 · Consistently, and can guide others". */
export function meanRatingText(mean: number | null): string {
  if (mean === null) return 'not answered';
  return isRating(mean) ? `${mean} · ${RATING_LABELS[mean]}` : formatFigure(mean);
}

/** A self rating in words ("3 · Independently"); N/A and unanswered told apart from the response. */
export function selfRatingText(self: number | null, statementId: string, selfResponse: SurveyResponse | null): string {
  if (self !== null) return meanRatingText(self);
  if (selfResponse === null) return 'no self-assessment';
  return selfResponse.answers.has(statementId) ? NOT_APPLICABLE_LABEL.self : 'not answered';
}
