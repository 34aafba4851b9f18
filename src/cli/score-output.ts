import type { SurveyResponse } from '../core/model/response.ts';
import { writeChangeCsvChunks } from '../core/io/change-csv.ts';
import type { FrameworkLookup } from '../core/io/response-fields.ts';
import { writeReliabilityCsvChunks } from '../core/io/reliability-csv.ts';
import { writeResponsesLongCsvChunks } from '../core/io/responses-long-csv.ts';
import { writeStatementsCsvChunks } from '../core/io/statements-csv.ts';
import { writeSummaryCsvChunks } from '../core/io/summary-csv.ts';
import type { LazyCohortScore } from '../core/score/score-cohort.ts';
import type { SubjectScore } from '../core/score/subject-score.ts';
import type { ScoreOutput } from './score-args.ts';
import type { InterleavedPieces, OutputFile } from './write-output.ts';

/**
 * Subjects scored before their rows are written. Few, so that a batch's scores and pieces are
 * gone before the garbage collector's young generation fills: kept longer, they would be moved
 * to the old generation and wait there for a full collection, which lets the heap grow by
 * gigabytes over a million responses.
 */
const SUBJECTS_PER_BATCH = 5;

/**
 * What `npm run score` writes, as writeOutputFiles takes it. The CSVs of scores are written in one
 * scoring pass, a batch of subjects at a time, and each score is let go once its rows are
 * written: a million responses' scores would not fit in memory together. `onScore` sees every
 * score as it passes (the closing line's counts).
 */
export function scoreOutputFiles(
  outputs: readonly ScoreOutput[],
  pass: LazyCohortScore,
  responses: readonly SurveyResponse[],
  lookup: FrameworkLookup,
  onScore: (score: SubjectScore) => void,
): { files: OutputFile[]; interleaved: InterleavedPieces } {
  const scored: Partial<Record<ScoreOutput, (scores: readonly SubjectScore[]) => Iterable<string>>> = {
    summary: writeSummaryCsvChunks,
    statements: (scores) => writeStatementsCsvChunks(scores, lookup),
    change: writeChangeCsvChunks,
  };
  const byPass = outputs.filter((output) => scored[output] !== undefined);
  const files = outputs.map((output): OutputFile => ({ name: `${output}.csv`, content: output === 'responses-long' ? writeResponsesLongCsvChunks(responses, lookup) : '' }));

  function* interleaved(): Generator<readonly [string, string]> {
    let first = true;
    const write = function* (batch: readonly SubjectScore[]) {
      for (const output of byPass) {
        // Each batch's pieces start with the header (and BOM): only the first batch keeps it.
        let header = true;
        for (const piece of scored[output]?.(batch) ?? []) {
          if (first || !header) yield [`${output}.csv`, piece] as const;
          header = false;
        }
      }
      first = false;
    };
    let batch: SubjectScore[] = [];
    for (const score of pass.scores) {
      onScore(score);
      batch.push(score);
      if (batch.length < SUBJECTS_PER_BATCH) continue;
      yield* write(batch);
      batch = [];
    }
    // The last batch, or only the headers when there was no score at all.
    if (batch.length > 0 || first) yield* write(batch);
    // Alpha is complete only once every response has been scored.
    if (outputs.includes('reliability')) for (const piece of writeReliabilityCsvChunks(pass.reliability())) yield ['reliability.csv', piece] as const;
  }
  return { files, interleaved: interleaved() };
}
