import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type { Framework } from '../core/model/framework.ts';
import type { SurveyResponse } from '../core/model/response.ts';
import { formatIssue, type Issue, type Result } from '../core/model/result.ts';
import { mergeResponses, type ResponseBatch } from '../core/io/merge-responses.ts';
import { parseResponseFile } from '../core/io/response-file.ts';
import { createResponsesCsvReader } from '../core/io/responses-csv-reader.ts';
import { type CsvRowReader, feedCsvSource } from '../core/io/responses-csv-stream.ts';
import { writeResponsesLongCsv } from '../core/io/responses-long-csv.ts';
import { writeStatementsCsv } from '../core/io/statements-csv.ts';
import { writeSummaryCsv } from '../core/io/summary-csv.ts';
import { scoreCohort } from '../core/score/score-cohort.ts';
import type { SubjectScore } from '../core/score/subject-score.ts';
import { loadBuiltinFrameworks } from './load-builtin-frameworks.ts';
import { loadFrameworkFiles } from './load-framework-files.ts';
import { readInputFile } from './read-input-file.ts';
import { parseScoreArgs, SCORE_HELP } from './score-args.ts';
import { writeFilesAtomically } from './write-files-atomically.ts';

/** A response file is a few kilobytes; anything far larger is not one. */
const MAX_RESPONSE_FILE_BYTES = 10 * 1024 * 1024;

async function main(argv: readonly string[]): Promise<number> {
  const args = parseScoreArgs(argv);
  if (args.help) {
    console.log(SCORE_HELP);
    return 0;
  }
  if (args.issues.length > 0) {
    for (const issue of args.issues) console.error(issue);
    console.error('Run with --help for usage.');
    return 2;
  }
  const progress = startProgress();
  const frameworks = loadFrameworks(args.frameworkFiles);
  if (!frameworks.ok) return refuse(frameworks.issues, progress);
  const lookup = (id: string) => frameworks.value.get(id);

  const batches: ResponseBatch[] = [];
  const issues: Issue[] = [];
  for (const file of args.files) {
    progress.status = `Reading ${file}`;
    const read = await readResponses(file, lookup, (rows) => (progress.status = `Reading ${file}: ${rows.toLocaleString('en')} rows`));
    if (read.ok) batches.push({ file, responses: read.value });
    else issues.push(...read.issues);
  }
  // Conflicts between the files that did parse are listed with the other problems.
  const merged = mergeResponses(batches);
  if (!merged.ok) issues.push(...merged.issues);
  if (issues.length > 0 || !merged.ok) return refuse(issues, progress);

  progress.status = `Scoring ${merged.value.length.toLocaleString('en')} responses`;
  const scores = scoreCohort(frameworks.value, merged.value);
  const out = args.out ?? '.';
  progress.status = `Writing ${out}`;
  try {
    writeFilesAtomically(out, [
      { name: 'summary.csv', content: writeSummaryCsv(scores) },
      { name: 'statements.csv', content: writeStatementsCsv(scores) },
      { name: 'responses-long.csv', content: writeResponsesLongCsv(merged.value, lookup) },
    ]);
  } catch (error) {
    return refuse([{ code: 'file.unwritable', file: out, path: '', message: `The output folder cannot be written (${String(error)}).` }], progress);
  }
  progress.stop();
  console.log(describeRun(scores, merged.value, out));
  return 0;
}

/** Built-in frameworks, then those of --framework files, which replace a built-in of the same id. */
function loadFrameworks(files: readonly string[]): Result<Map<string, Framework>> {
  const builtin = loadBuiltinFrameworks();
  if (!builtin.ok) return builtin;
  const fromFiles = loadFrameworkFiles(files);
  if (!fromFiles.ok) return fromFiles;
  return { ok: true, value: new Map([...builtin.value, ...fromFiles.value].map((framework) => [framework.id, framework])) };
}

/** A response file whole; a CSV streamed row by row, long or wide as its header says. */
async function readResponses(file: string, lookup: (id: string) => Framework | undefined, onRows: (rows: number) => void): Promise<Result<SurveyResponse[]>> {
  const start = firstText(file);
  if (!start.ok) return start;
  if (start.value.trimStart().startsWith('{')) {
    const input = readInputFile(file, MAX_RESPONSE_FILE_BYTES);
    const parsed = input.ok ? parseResponseFile(input.value.text, file, lookup) : input;
    return parsed.ok ? { ok: true, value: [parsed.value] } : parsed;
  }
  const reader = countingRows(createResponsesCsvReader(file, lookup), onRows);
  return feedCsvSource(createReadStream(file, { encoding: 'utf8' }), file, reader);
}

/** The first bytes of a file, to tell JSON from CSV; a missing file is an issue, not a crash. */
function firstText(file: string): Result<string> {
  const problem = (code: string, message: string): Result<string> => ({ ok: false, issues: [{ code, file, path: '', message }] });
  try {
    if (!statSync(file).isFile()) return problem('file.not-a-file', 'This is not a file.');
    const buffer = Buffer.alloc(256);
    const fd = openSync(file, 'r');
    try {
      return { ok: true, value: buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8').replace(/^\uFEFF/, '') };
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return problem('file.unreadable', missing ? 'The file does not exist.' : `The file cannot be read (${String(error)}).`);
  }
}

function countingRows<T>(reader: CsvRowReader<T>, onRows: (rows: number) => void): CsvRowReader<T> {
  return {
    ...reader,
    row(cells, rowNumber) {
      if ((rowNumber & 0xffff) === 0) onRows(rowNumber);
      reader.row(cells, rowNumber);
    },
  };
}

/** One line: how many subjects and responses, and which groups the anonymity rule showed or kept back. */
function describeRun(scores: readonly SubjectScore[], responses: readonly SurveyResponse[], out: string): string {
  const subjects = new Set(scores.map((score) => score.subjectId)).size;
  const tally = { shown: new Map<string, number>(), folded: new Map<string, number>(), hidden: new Map<string, number>() };
  const count = (counts: Map<string, number>, group: string) => counts.set(group, (counts.get(group) ?? 0) + 1);
  for (const score of scores) {
    for (const group of score.visibility.shown) count(tally.shown, group);
    for (const { group, reason } of score.visibility.hidden) count(reason === 'folded-to-protect-remainder' ? tally.folded : tally.hidden, group);
  }
  const list = (counts: Map<string, number>) => (counts.size === 0 ? 'none' : [...counts].map(([group, n]) => `${group} ${n}`).join(', '));
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `Scored ${plural(subjects, 'subject')} from ${plural(responses.length, 'response')} into ${out}. Groups (per subject and framework) shown: ${list(tally.shown)}; folded: ${list(tally.folded)}; hidden under 3: ${list(tally.hidden)}.`;
}

type Progress = { status: string; stop(): void };

/** A status line on a terminal once a run takes over a second; nothing when stderr is a file or pipe. */
function startProgress(): Progress {
  const progress: Progress = { status: '', stop: () => undefined };
  if (!process.stderr.isTTY) return progress;
  const started = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    if (Date.now() - started < 1000) return;
    shown = true;
    process.stderr.write(`\r\x1b[K${progress.status}...`);
  }, 250);
  timer.unref();
  progress.stop = () => {
    clearInterval(timer);
    if (shown) process.stderr.write('\r\x1b[K');
  };
  return progress;
}

function refuse(issues: readonly Issue[], progress: Progress): number {
  progress.stop();
  for (const issue of issues) console.error(formatIssue(issue));
  console.error(`Nothing written: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`);
  return 1;
}

process.exitCode = await main(process.argv.slice(2));
