/** DESIGN.md's rating scale: the same for self and raters, so the two can be compared. */

export const RATING_VALUES = [1, 2, 3, 4] as const;
export type Rating = (typeof RATING_VALUES)[number];

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  1: 'Not yet',
  2: 'With support',
  3: 'Independently',
  4: 'Consistently, and can guide others',
};

export const NOT_APPLICABLE_LABEL = {
  self: 'Not part of my role',
  rater: 'Not observed',
} as const;

export function isRating(value: unknown): value is Rating {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
