import type { AxisKind } from '../score/axes.ts';
import type { AttainedLevel } from '../score/attained-level.ts';
import { roundFigure, roundPercent } from '../score/rounding.ts';
import type { ScoreGroup } from '../score/score-groups.ts';
import type { SubjectScore } from '../score/subject-score.ts';
import { writeCsvChunks } from './csv-chunks.ts';
import { type CsvCell, writeCsv } from './csv-format.ts';

/** DESIGN.md "summary.csv", columns in this order. */
export const SUMMARY_COLUMNS = [
  'subject_id',
  'framework_id',
  'axis_kind',
  'axis_id',
  'rater_group',
  'raters',
  'ratings',
  'mean',
  'percent',
  'sd',
  'attained_level',
] as const;

export type SummaryRow = {
  subject_id: string;
  framework_id: string;
  axis_kind: AxisKind;
  axis_id: string;
  rater_group: ScoreGroup;
  raters: number;
  ratings: number;
  /** Rounded to 2 decimals; null (an empty cell) where the group gave no rating on the axis. */
  mean: number | null;
  /** Rounded to 1 decimal. */
  percent: number | null;
  sd: number | null;
  /** On framework and domain rows; null on level rows. */
  attained_level: AttainedLevel | null;
};

/**
 * One row per subject x framework x axis x shown rater group, in the order of the scores, their
 * axes (framework, levels, domains) and SCORE_GROUPS. Hidden groups have no figures to write.
 */
export function summaryRows(scores: readonly SubjectScore[]): SummaryRow[] {
  return [...eachSummaryRow(scores)];
}

/** summaryRows one at a time, for a file written in pieces. */
export function* eachSummaryRow(scores: readonly SubjectScore[]): Generator<SummaryRow> {
  for (const score of scores) {
    for (const axis of score.axes) {
      for (const group of axis.groups) {
        yield {
          subject_id: score.subjectId,
          framework_id: score.frameworkId,
          axis_kind: axis.kind,
          axis_id: axis.id,
          rater_group: group.group,
          raters: group.raters,
          ratings: group.ratings,
          mean: roundFigure(group.mean),
          percent: roundPercent(group.percent),
          sd: roundFigure(group.sd),
          attained_level: axis.kind === 'level' ? null : group.attainedLevel,
        };
      }
    }
  }
}

export function writeSummaryCsv(scores: readonly SubjectScore[]): string {
  return writeCsv(SUMMARY_COLUMNS, summaryRows(scores).map(summaryCells));
}

/** The same file in pieces (BOM and header first), for a cohort too large for one string. */
export function writeSummaryCsvChunks(scores: readonly SubjectScore[]): Generator<string> {
  return writeCsvChunks(SUMMARY_COLUMNS, mapRows(eachSummaryRow(scores), summaryCells));
}

function summaryCells(row: SummaryRow): CsvCell[] {
  return SUMMARY_COLUMNS.map((column): CsvCell => row[column]);
}

function* mapRows<T>(rows: Iterable<T>, cells: (row: T) => CsvCell[]): Generator<CsvCell[]> {
  for (const row of rows) yield cells(row);
}
