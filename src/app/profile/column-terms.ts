import { NOT_APPLICABLE_LABEL, RATING_LABELS } from '../../core/model/rating-scale.ts';

/**
 * The profile's column names in plain words (issue 14: "SD", "Raters", "Ratings" and "Mean (1-4)"
 * meant nothing to most learners), each with what it means: `help` for the tooltip, `note` for
 * the line under the table. The CSV files keep their exact column names (mean, sd, raters, ...).
 */
export type ColumnTerm = { label: string; help: string; note: string };

const NA = `"${NOT_APPLICABLE_LABEL.self}" and "${NOT_APPLICABLE_LABEL.rater}"`;

/** `note` follows the label after a colon ("Spread: how much the ratings differ"). */
export const COLUMN_TERMS = {
  mean: {
    label: 'Average rating',
    help: `The average of the ratings given, from 1 ("${RATING_LABELS[1]}") to 4 ("${RATING_LABELS[4]}"). ${NA} are left out.`,
    note: `from 1 ("${RATING_LABELS[1]}") to 4 ("${RATING_LABELS[4]}")`,
  },
  percent: {
    label: 'Percent',
    help: `The average rating on a scale of 0 to 100%: 0% is "${RATING_LABELS[1]}" on every statement, 100% is "${RATING_LABELS[4]}" on every one.`,
    note: 'the same, from 0% to 100%',
  },
  sd: {
    label: 'Spread',
    help: 'How much the ratings differ from one another (their standard deviation): 0 when they are all the same, about 1 or more when they are a whole step or more apart. It needs at least 2 ratings.',
    note: 'how much the ratings differ (0 when all are the same)',
  },
  raters: {
    label: 'People',
    help: 'How many responses rated at least one of these statements: one per person (your own self-assessment counts once, the latest).',
    note: 'how many people rated',
  },
  ratings: {
    label: 'Answers',
    help: `How many ratings the figures are based on: one per statement answered by each person. ${NA} are not counted.`,
    note: `how many ratings the figures rest on (${NA} are not counted)`,
  },
  gap: {
    label: 'Gap',
    help: "Your own rating minus the others' average: above 0 when you rate yourself higher than they do, below 0 when they rate you higher.",
    note: "your rating minus the others' average",
  },
  agreement: {
    label: "Spread of others' ratings",
    help: "How much the others' ratings of this statement differ from one another (their standard deviation): 0 when they all agree, about 1 or more when they are a whole step or more apart. It needs at least 2 ratings.",
    note: "how much the others' ratings differ",
  },
} as const satisfies Readonly<Record<string, ColumnTerm>>;

export type ColumnTermKey = keyof typeof COLUMN_TERMS;

/** The line under a table: each column named there in plain words, with what it means. */
export function columnNotes(keys: readonly ColumnTermKey[]): string {
  return `${keys.map((key) => `${COLUMN_TERMS[key].label}: ${COLUMN_TERMS[key].note}`).join('. ')}.`;
}
