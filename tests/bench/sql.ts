import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltinFrameworks } from '../../src/cli/load-builtin-frameworks.ts';
import { writeResponsesLongCsvChunks } from '../../src/core/io/responses-long-csv.ts';
import { writeResponsesWideCsv } from '../../src/core/io/responses-wide-csv.ts';
import { writeStatementsCsv } from '../../src/core/io/statements-csv.ts';
import { writeSummaryCsv } from '../../src/core/io/summary-csv.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { scoreCohort } from '../../src/core/score/score-cohort.ts';
import { readCsvCells, rowSet, runSummarySql } from '../sql/summary-sql-runner.ts';
import { type BenchSection, formatNumber, formatRate, megabytes, now } from './bench-table.ts';
import { countRatings, syntheticResponses } from './synthetic-data.ts';

/**
 * sql/summary.sql over the scoring bench's 100,000 responses (the same seed), compared row by
 * row with summary.csv. Too slow for `npm test` (about a minute and a half, most of it writing a
 * 1.3 GB responses-long.csv), so it is measured here. The files come from `npm run score` on
 * the same responses as a wide CSV; where that command fails (out of memory on a smaller
 * machine), from the same core functions it calls, written in pieces, and the notes say which.
 */

const FRAMEWORK_ID = 'css-durable-skills';
const RESPONSES = 100_000;
const SUBJECTS = 2_000;
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export const sql: BenchSection = {
  name: 'sql',
  async run() {
    const loaded = loadBuiltinFrameworks();
    if (!loaded.ok) throw new Error('The built-in frameworks did not load.');
    const framework = loaded.value.find((candidate) => candidate.id === FRAMEWORK_ID) as Framework;
    const responses = syntheticResponses(framework, { subjects: SUBJECTS, responses: RESPONSES, seed: 360 });
    const ratings = countRatings(responses);
    const dir = mkdtempSync(join(tmpdir(), 'skillscope-bench-sql-'));
    try {
      const made = await scoreFiles(dir, framework, responses);
      const longBytes = statSync(join(made.folder, 'responses-long.csv')).size;

      const start = now();
      const result = await runSummarySql(made.folder);
      const sqlMs = now() - start;
      const expected = readCsvCells(join(made.folder, 'summary.csv'));
      const got = rowSet(result.rows);
      const want = rowSet(expected.rows);
      const wanted = new Set(want);
      const matching = got.filter((row) => wanted.has(row)).length;
      const same = got.length === want.length && matching === want.length && result.columns.join() === expected.columns.join();

      return {
        title: `sql: sql/summary.sql in DuckDB against summary.csv, ${formatNumber(RESPONSES)} responses`,
        figures: [
          { name: 'responses-long.csv', value: formatNumber(megabytes(longBytes), 0), unit: 'MB' },
          { name: 'files made', value: formatNumber(made.ms / 1000, 1), unit: 's' },
          { name: 'summary.sql, DuckDB in-process', value: formatNumber(sqlMs / 1000, 1), unit: 's' },
          { name: '  ratings per second', value: formatRate(ratings / (sqlMs / 1000)), unit: 'ratings/s' },
          { name: 'summary.csv rows', value: formatNumber(want.length), unit: 'rows' },
          { name: 'SQL rows equal to a summary.csv row', value: formatNumber(matching), unit: 'rows', target: { text: 'all, and no other', pass: same } },
        ],
        notes: [
          `${formatNumber(RESPONSES)} synthetic responses (scoring bench's seed) over ${formatNumber(SUBJECTS)} subjects, ${formatNumber(ratings)} ratings, on ${FRAMEWORK_ID}.`,
          made.how,
          `Rows compared as sets, every cell as text; the SQL gave ${formatNumber(got.length)} rows.`,
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

type Made = { folder: string; ms: number; how: string };

/** summary.csv, statements.csv and responses-long.csv for the responses, by npm run score if it can. */
async function scoreFiles(dir: string, framework: Framework, responses: readonly SurveyResponse[]): Promise<Made> {
  const lookup = (id: string) => (id === framework.id ? framework : undefined);
  const input = join(dir, 'responses-wide.csv');
  writeFileSync(input, writeResponsesWideCsv(responses, lookup));
  const folder = join(dir, 'out');
  let start = now();
  const cli = await runScore([input, '--out', folder]);
  if (cli.status === 0) return { folder, ms: now() - start, how: 'Files written by npm run score from the responses as responses-wide.csv.' };

  const why = cli.stderr.split('\n').find((line) => /Error|problem/.test(line))?.trim() ?? `exit ${String(cli.status)}`;
  const fallback = join(dir, 'core');
  start = now();
  mkdirSync(fallback);
  const scores = scoreCohort(new Map([[framework.id, framework]]), responses);
  writeFileSync(join(fallback, 'summary.csv'), writeSummaryCsv(scores));
  writeFileSync(join(fallback, 'statements.csv'), writeStatementsCsv(scores, lookup));
  const out = createWriteStream(join(fallback, 'responses-long.csv'));
  for (const chunk of writeResponsesLongCsvChunks(responses, lookup)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return {
    folder: fallback,
    ms: now() - start,
    how: `npm run score could not write them (${why.slice(0, 120)}); written instead by scoreCohort, writeSummaryCsv, writeStatementsCsv and writeResponsesLongCsvChunks, as it calls them.`,
  };
}

function runScore(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['src/cli/score.ts', ...args], { cwd: PROJECT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (stderr.length < 100_000) stderr += text;
    });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}
