import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreOutputFiles } from '../../src/cli/score-output.ts';
import { SCORE_OUTPUTS } from '../../src/cli/score-args.ts';
import { writeOutputFiles } from '../../src/cli/write-output.ts';
import { writeChangeCsv } from '../../src/core/io/change-csv.ts';
import { writeReliabilityCsv } from '../../src/core/io/reliability-csv.ts';
import { writeResponsesLongCsv } from '../../src/core/io/responses-long-csv.ts';
import { writeStatementsCsv } from '../../src/core/io/statements-csv.ts';
import { writeSummaryCsv } from '../../src/core/io/summary-csv.ts';
import { scoreCohortLazily, scoreCohortWithReliability } from '../../src/core/score/score-cohort.ts';
import type { SubjectScore } from '../../src/core/score/subject-score.ts';
import { syntheticResponses } from '../bench/synthetic-data.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';

const framework = builtinFramework('css-occupational');
const frameworks = new Map([[framework.id, framework]]);
const lookup = (id: string) => frameworks.get(id);

/**
 * `npm run score` writes its score files while it scores, a batch of subjects at a time, and keeps
 * no score once written (a million responses' scores do not fit in memory). The files must be
 * byte for byte what writing every score at once gives.
 */
describe('the score files, written subject by subject as they are scored', () => {
  it('are byte for byte the files written from every score at once, over several batches, retakes and alpha included', () => {
    // 450 subjects: more than two batches, and a last one that is not full.
    const responses = syntheticResponses(framework, { subjects: 450, responses: 6_000, seed: 12 });
    const whole = scoreCohortWithReliability(frameworks, responses);
    const out = mkdtempSync(join(tmpdir(), 'skillscope-score-output-'));
    const seen: SubjectScore[] = [];
    const { files, interleaved } = scoreOutputFiles(SCORE_OUTPUTS, scoreCohortLazily(frameworks, responses, {}, true), responses, lookup, (score) => seen.push(score));
    expect(writeOutputFiles(out, files, interleaved).ok).toBe(true);

    const file = (name: string) => readFileSync(join(out, name), 'utf8');
    expect(file('summary.csv')).toBe(writeSummaryCsv(whole.scores));
    expect(file('statements.csv')).toBe(writeStatementsCsv(whole.scores, lookup));
    expect(file('change.csv')).toBe(writeChangeCsv(whole.scores));
    expect(file('reliability.csv')).toBe(writeReliabilityCsv(whole.reliability));
    expect(file('responses-long.csv')).toBe(writeResponsesLongCsv(responses, lookup));
    expect(seen.length).toBe(whole.scores.length);
    expect(whole.scores.length).toBe(450);
    expect(writeChangeCsv(whole.scores).split('\r\n').length).toBeGreaterThan(3); // some retakes, so change rows
  });

  it('still have their headers when there is no response at all', () => {
    const out = mkdtempSync(join(tmpdir(), 'skillscope-score-output-'));
    const { files, interleaved } = scoreOutputFiles(SCORE_OUTPUTS, scoreCohortLazily(frameworks, [], {}, true), [], lookup, () => undefined);
    expect(writeOutputFiles(out, files, interleaved).ok).toBe(true);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toBe(writeSummaryCsv([]));
    expect(readFileSync(join(out, 'statements.csv'), 'utf8')).toBe(writeStatementsCsv([], lookup));
    expect(readFileSync(join(out, 'change.csv'), 'utf8')).toBe(writeChangeCsv([]));
    expect(readFileSync(join(out, 'reliability.csv'), 'utf8')).toBe(writeReliabilityCsv([]));
  });
});
