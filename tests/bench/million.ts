import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResponsesWideCsvChunks } from '../../src/core/io/responses-wide-csv.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { atMost, type BenchSection, formatNumber, megabytes, now } from './bench-table.ts';
import { syntheticResponses } from './synthetic-data.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';

/**
 * Issue 13's "a million responses": `npm run score` of a 1,000,000-response responses-wide.csv
 * (84 statements, 20,000 subjects) to summary.csv and statements.csv only, in a child process,
 * timed from spawn to exit, with its peak resident memory. The input (about 300 MB) is made
 * once, in pieces, and kept in the system's temporary folder for the next run.
 */

const FRAMEWORK_ID = 'css-durable-skills';
const RESPONSES = 1_000_000;
const SUBJECTS = 20_000;
/** Responses are made and written this many subjects at a time, so the bench never holds them all. */
const SUBJECTS_PER_BATCH = 500;
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));
/** Bump when the synthetic data or the wide format changes, so a stale file is not reused. */
const INPUT = join(tmpdir(), 'skillscope-bench-million-v1', 'responses-wide.csv');

export const million: BenchSection = {
  name: 'million',
  async run() {
    const framework = builtinFramework(FRAMEWORK_ID);
    const made = existsSync(INPUT) ? null : await timed(() => writeMillionFile(framework));
    const out = mkdtempSync(join(tmpdir(), 'skillscope-bench-million-out-'));
    try {
      const profileDir = process.env.SKILLSCOPE_BENCH_PROFILE === '1' ? join(PROJECT, 'bench-profiles') : null;
      // With node's default heap the run may die out of memory: then it is run again with a larger
      // heap, so that the figures still say how far from the targets it is.
      const first = await runScore(out, profileDir, null);
      const run = first.ok ? first : await runScore(out, profileDir, LARGE_HEAP_MB);
      if (!run.ok) throw new Error(`npm run score failed even with a ${LARGE_HEAP_MB} MB heap: ${run.stderr.slice(-2000)}`);
      const summaryRows = countLines(join(out, 'summary.csv')) - 1;
      const statementRows = countLines(join(out, 'statements.csv')) - 1;
      return {
        title: `million: npm run score of ${formatNumber(RESPONSES)} responses (${formatNumber(SUBJECTS)} subjects x 84 statements)`,
        figures: [
          { key: 'million_seconds', json: run.seconds, name: 'npm run score --only summary,statements, spawn to exit', value: formatNumber(run.seconds, 1), unit: 's', target: atMost(run.seconds, 60, '<= 60 s') },
          { key: 'million_rss_mb', json: run.rssMb, name: '  peak memory (maximum resident set size)', value: formatNumber(run.rssMb, 0), unit: 'MB', target: atMost(run.rssMb, 600, '<= 600 MB') },
          { name: '  input responses-wide.csv', value: formatNumber(megabytes(statSync(INPUT).size), 0), unit: 'MB' },
        ],
        notes: [
          `\`node --import tsx src/cli/score.ts responses-wide.csv --out DIR --only summary,statements\` (what npm run score runs), one run;`,
          `  node and tsx start-up included. Peak RSS (VmHWM, peak-rss.ts) at exit (KiB), printed in MB (10^6 bytes).`,
          `  Wrote ${formatNumber(summaryRows)} summary.csv rows and ${formatNumber(statementRows)} statements.csv rows.`,
          ...(first.ok ? [] : [`  With node's default heap it died out of memory after ${formatNumber(first.seconds, 1) } s (${firstLine(first.stderr)});`, `  the figures are of a second run with --max-old-space-size=${LARGE_HEAP_MB}.`]),
          made === null ? `  Input reused from ${INPUT}.` : `  Input made (untimed for the figure) in ${formatNumber(made / 1000, 1)} s: ${INPUT}.`,
          ...(profileDir === null ? [] : [`  CPU profile (node --cpu-prof) in ${profileDir}.`]),
        ],
      };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};

/** The synthetic responses of scoring.ts, 500 subjects at a time, each batch's ids made distinct. */
async function writeMillionFile(framework: Framework): Promise<void> {
  mkdirSync(join(INPUT, '..'), { recursive: true });
  const partial = `${INPUT}.partial`;
  const file = createWriteStream(partial);
  const batches = SUBJECTS / SUBJECTS_PER_BATCH;
  for (let batch = 0; batch < batches; batch += 1) {
    const prefix = `b${String(batch).padStart(2, '0')}-`;
    const responses = syntheticResponses(framework, { subjects: SUBJECTS_PER_BATCH, responses: RESPONSES / batches, seed: 1_000 + batch }).map((response) => ({
      ...response,
      subjectId: prefix + response.subjectId,
      responseId: prefix + response.responseId,
    }));
    let first = true;
    for (const chunk of writeResponsesWideCsvChunks(responses, () => framework)) {
      // The BOM and header only once, at the top of the file.
      if (first && batch > 0) {
        first = false;
        continue;
      }
      first = false;
      if (!file.write(chunk)) await once(file, 'drain');
    }
  }
  file.end();
  await once(file, 'finish');
  renameSync(partial, INPUT);
}

type ScoreRun = { ok: boolean; seconds: number; rssMb: number; stderr: string };

const LARGE_HEAP_MB = 16_000;

async function runScore(out: string, profileDir: string | null, heapMb: number | null): Promise<ScoreRun> {
  const profile = profileDir === null ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir];
  const heap = heapMb === null ? [] : [`--max-old-space-size=${heapMb}`];
  const args = [...heap, ...profile, '--import', 'tsx', '--import', './tests/bench/report-peak-memory.ts', 'src/cli/score.ts', INPUT, '--out', out, '--only', 'summary,statements'];
  const started = now();
  const child = spawn(process.execPath, args, { cwd: PROJECT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const [code] = (await once(child, 'exit')) as [number | null];
  const seconds = (now() - started) / 1000;
  const kib = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
  return { ok: code === 0, seconds, rssMb: megabytes(kib * 1024), stderr };
}

/** The line of a crash that says what happened, e.g. "FATAL ERROR: ... JavaScript heap out of memory". */
function firstLine(stderr: string): string {
  return stderr.split('\n').find((line) => /FATAL|Error/.test(line))?.trim().slice(0, 160) ?? `exit without a message`;
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = now();
  await work();
  return now() - start;
}

function countLines(path: string): number {
  const text = readFileSync(path, 'utf8');
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}
