import { roundPercent } from '../score/rounding.ts';
import type { SubjectScore } from '../score/subject-score.ts';
import { writeCsvChunks } from './csv-chunks.ts';
import { type CsvCell, writeCsv } from './csv-format.ts';

/** Issue 12 "change.csv", columns in this order. */
export const CHANGE_COLUMNS = [
  'subject_id',
  'framework_id',
  'axis_kind',
  'axis_id',
  'earlier_submitted_at',
  'earlier_percent',
  'latest_submitted_at',
  'latest_percent',
  'change',
] as const;

/**
 * One row per subject x framework x axis where both the latest self-assessment and the one
 * before it have a percent, in the order of the scores and their axes. A subject with one self
 * response has no row. `change` is latest minus earlier on the unrounded percents, then rounded
 * to 1 decimal, so it can differ by 0.1 from the difference of the two rounded columns.
 * `submitted_at` is written as the response file gave it.
 */
export function changeRows(scores: readonly SubjectScore[]): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const score of scores) {
    const { change } = score;
    if (change === null) continue;
    for (const axis of change.axes) {
      if (axis.change === null) continue;
      rows.push([
        score.subjectId,
        score.frameworkId,
        axis.kind,
        axis.id,
        change.earlier.submittedAt,
        roundPercent(axis.earlierPercent),
        change.latest.submittedAt,
        roundPercent(axis.latestPercent),
        roundPercent(axis.change),
      ]);
    }
  }
  return rows;
}

/** Always with its header, even without a row, so that a script reading it never meets an empty file. */
export function writeChangeCsv(scores: readonly SubjectScore[]): string {
  return writeCsv(CHANGE_COLUMNS, changeRows(scores));
}

/** The same file in pieces (BOM and header first), as `npm run score` writes every file. */
export function writeChangeCsvChunks(scores: readonly SubjectScore[]): Generator<string> {
  return writeCsvChunks(CHANGE_COLUMNS, changeRows(scores));
}
