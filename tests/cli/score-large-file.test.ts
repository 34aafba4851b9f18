import { createWriteStream, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeResponsesLongCsvChunks } from '../../src/core/io/responses-long-csv.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { runCli } from '../support/run-cli.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

const framework = builtinFramework('css-durable-skills');
const dir = mkdtempSync(join(tmpdir(), 'skillscope-large-'));
const input = join(dir, 'responses-long.csv');
const RESPONSES = 15_500; // x 84 rows of ~160 bytes: a little over 200 MB

/** Writes the file a response at a time, as a manager's export of a large organisation would be. */
async function writeLargeFile(): Promise<void> {
  const out = createWriteStream(input);
  const responses = function* (): Generator<SurveyResponse> {
    for (let i = 0; i < RESPONSES; i += 1) {
      yield {
        responseId: `response-${String(i).padStart(6, '0')}-with-a-realistic-uuid-length`, frameworkId: framework.id,
        surveyId: `${framework.id}.${i % 6 === 0 ? 'self' : '360'}`, subjectId: `learner-${Math.floor(i / 6)}`,
        raterGroup: i % 6 === 0 ? 'self' : 'peer', submittedAt: '2026-11-20T09:00:00.000Z',
        answers: answersFromEntries(framework.statements.map((s, p) => [s.id, (((i + p) % 4) + 1) as Rating]), framework), comments: new Map(),
      };
    }
  };
  let batch: SurveyResponse[] = [];
  let first = true;
  const flush = async () => {
    for (const [n, chunk] of [...writeResponsesLongCsvChunks(batch, () => framework)].entries()) {
      if (n === 0 && !first) continue; // the header only once
      if (!out.write(chunk)) await once(out, 'drain');
    }
    first = false;
    batch = [];
  };
  for (const response of responses()) {
    batch.push(response);
    if (batch.length === 1000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
}

describe('npm run score on a 200 MB responses-long.csv', () => {
  beforeAll(writeLargeFile, 180_000);

  it('streams it to the end without a crash and scores every learner', () => {
    expect(statSync(input).size).toBeGreaterThan(200 * 1024 * 1024);
    const run = runCli('score', [input, '--out', join(dir, 'out')]);
    expect(run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn'))).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${Math.ceil(RESPONSES / 6)} subjects`);
    const summary = readFileSync(join(dir, 'out', 'summary.csv'), 'utf8');
    const overall = summary.split('\r\n').filter((line) => line.startsWith(`learner-0,${framework.id},framework,all,`));
    expect(overall.map((line) => line.split(',')[4])).toEqual(['self', 'peer', 'others']);
  }, 240_000);
});
