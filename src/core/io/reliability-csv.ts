import type { AxisReliability } from '../score/reliability.ts';
import { roundHalfAwayFromZero } from '../score/rounding.ts';
import { writeCsvChunks } from './csv-chunks.ts';
import { type CsvCell, writeCsv } from './csv-format.ts';

/** Issue 12 "reliability.csv", columns in this order. */
export const RELIABILITY_COLUMNS = ['framework_id', 'axis_kind', 'axis_id', 'statements', 'responses', 'alpha'] as const;

/**
 * One row per axis of every framework with a response (scoreReliability's order): how many
 * statements the axis has, how many responses rated all of them, and Cronbach's alpha to 3
 * decimals, empty where it is not computed (fewer than 2 statements, fewer than 10 such
 * responses, or totals that do not vary).
 */
export function reliabilityRows(reliability: readonly AxisReliability[]): CsvCell[][] {
  return reliability.map((axis) => [
    axis.frameworkId,
    axis.kind,
    axis.id,
    axis.statements,
    axis.responses,
    axis.alpha === null ? null : roundHalfAwayFromZero(axis.alpha, 3),
  ]);
}

/** Always with its header, even without a row. */
export function writeReliabilityCsv(reliability: readonly AxisReliability[]): string {
  return writeCsv(RELIABILITY_COLUMNS, reliabilityRows(reliability));
}

/** The same file in pieces (BOM and header first), as `npm run score` writes every file. */
export function writeReliabilityCsvChunks(reliability: readonly AxisReliability[]): Generator<string> {
  return writeCsvChunks(RELIABILITY_COLUMNS, reliabilityRows(reliability));
}
