import { execFile } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { loadBuiltinFrameworks } from '../../src/cli/load-builtin-frameworks.ts';
import type { CsvCell } from '../../src/core/io/csv-format.ts';
import { readResponseFile } from '../../src/cli/file-response-input.ts';
import { selfTimeOf } from './node-cpu-profile.ts';
import {
  LONG_COLUMNS,
  ratingLabel,
  writeResponsesLongCsv,
  writeResponsesLongCsvChunks,
} from '../../src/core/io/responses-long-csv.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { atLeast, atMost, type BenchSection, type Figure, formatNumber, median, megabytes, now } from './bench-table.ts';
import { syntheticResponses } from './synthetic-data.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * responses-long.csv at a million rows: our writer and streaming reader against papaparse alone
 * on the same rows and file, and the reader's peak memory in a process of its own.
 */

const ROWS = 1_000_000;
const FRAMEWORK_ID = 'css-durable-skills';
const RUNS = 3;
/**
 * The read's ratio is the figure nearest its line, and raw papaparse alone moved between 133 and
 * 190 MB/s from run to run: more alternated runs, and each child's peak memory as the median of
 * three processes, as one process's peak moves with when its collections happen to fall.
 */
const READ_RUNS = 7;
const CHILD_RUNS = 3;
/** writeResponsesLongCsvChunks' default piece. */
const WRITE_CHUNK = 20_000;
const CHILD = fileURLToPath(new URL('./csv-read-child.ts', import.meta.url));
const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

export const csv: BenchSection = {
  name: 'csv',
  async run() {
    const frameworks = loadBuiltinFrameworks();
    if (!frameworks.ok) throw new Error('The built-in frameworks did not load.');
    const byId = new Map(frameworks.value.map((framework) => [framework.id, framework]));
    const framework = byId.get(FRAMEWORK_ID) as Framework;
    const lookup = (id: string) => byId.get(id);
    const responses = exactlyRows(syntheticResponses(framework, { subjects: 300, responses: 15_000, seed: 1_000_000 }), ROWS);
    // The rows our writer writes, as papaparse takes them: raw unparse is timed on these alone.
    const rows = longRows(responses, framework);

    const dir = mkdtempSync(join(tmpdir(), 'skillscope-bench-'));
    const path = join(dir, 'responses-long.csv');
    try {
      // Writing: alternate the three so that neither gets the warmer heap; median of RUNS each.
      const raw: number[] = [];
      const rawChunks: number[] = [];
      const ours: number[] = [];
      const chunked: number[] = [];
      let rawBytes = 0;
      let ourBytes = 0;
      let fileBytes = 0;
      let same = true;
      for (let run = 0; run < RUNS; run += 1) {
        let start = now();
        const rawText = Papa.unparse({ fields: [...LONG_COLUMNS], data: rows }, { newline: '\r\n' });
        raw.push(now() - start);
        rawBytes = Buffer.byteLength(rawText);

        // The same unparse a writer-sized piece at a time, as our writer does it, to a file the same
        // way (writeSync of each piece): csv_write_vs_papaparse compares the two file writes.
        start = now();
        let rawChunked = 0;
        const rawFd = openSync(`${path}.raw`, 'w');
        for (let from = 0; from < rows.length; from += WRITE_CHUNK) {
          // Each piece ends with its line break, as ours do, so that the pieces make one whole file.
          const piece = `${Papa.unparse({ fields: [...LONG_COLUMNS], data: rows.slice(from, from + WRITE_CHUNK) }, { newline: '\r\n', header: from === 0 })}\r\n`;
          rawChunked += piece.length;
          writeSync(rawFd, piece);
        }
        closeSync(rawFd);
        rawChunks.push(now() - start);
        if (rawChunked === 0) throw new Error('Nothing unparsed.');

        start = now();
        const ourText = writeResponsesLongCsv(responses, lookup);
        ours.push(now() - start);
        ourBytes = Buffer.byteLength(ourText);
        if (run === 0) same = ourText === `\uFEFF${rawText}\r\n`;

        start = now();
        const fd = openSync(path, 'w');
        for (const chunk of writeResponsesLongCsvChunks(responses, lookup)) writeSync(fd, chunk);
        closeSync(fd);
        chunked.push(now() - start);
        fileBytes = statSync(path).size;
      }
      const rawWrite = megabytes(rawBytes) / (median(raw) / 1000);
      const rawChunkWrite = megabytes(rawBytes) / (median(rawChunks) / 1000);
      const ourWrite = megabytes(ourBytes) / (median(ours) / 1000);
      const chunkWrite = megabytes(fileBytes) / (median(chunked) / 1000);

      // Reading the file just written, both as a papaparse `step` over a Node read stream.
      const rawRead: number[] = [];
      const rawChunkRead: number[] = [];
      const ourRead: number[] = [];
      let readResponses = 0;
      let readRows = 0;
      for (let run = 0; run < READ_RUNS; run += 1) {
        let start = now();
        readRows = await stepThrough(path);
        rawRead.push(now() - start);
        start = now();
        await chunkThrough(path);
        rawChunkRead.push(now() - start);
        start = now();
        const result = await readResponseFile(path, lookup, () => undefined);
        ourRead.push(now() - start);
        if (!result.ok) throw new Error(`Our reader refused our own file: ${result.issues[0]?.message ?? ''}`);
        readResponses = result.value.length;
      }
      const rawReadRate = megabytes(fileBytes) / (median(rawRead) / 1000);
      const rawChunkReadRate = megabytes(fileBytes) / (median(rawChunkRead) / 1000);
      const ourReadRate = megabytes(fileBytes) / (median(ourRead) / 1000);

      // Where our read's time goes, for the README's explanation should it miss its target.
      const profile = await selfTimeOf(() => readResponseFile(path, lookup, () => undefined));

      const { idle, raw: rawChild, ours: ourChild } = await childReads(path);

      const figures: Figure[] = [
        { name: 'write: raw Papa.unparse of the rows', value: formatNumber(rawWrite, 1), unit: 'MB/s' },
        { name: `  raw Papa.unparse, ${formatNumber(WRITE_CHUNK)} rows at a time, to a file`, value: formatNumber(rawChunkWrite, 1), unit: 'MB/s' },
        { name: 'write: writeResponsesLongCsv (one string)', value: formatNumber(ourWrite, 1), unit: 'MB/s' },
        { name: '  / raw', value: formatNumber(ourWrite / rawWrite, 2), unit: 'x', target: atLeast(ourWrite / rawWrite, 0.8, '>= 0.8x') },
        { name: 'write: writeResponsesLongCsvChunks to a file', value: formatNumber(chunkWrite, 1), unit: 'MB/s' },
        { name: '  / raw', value: formatNumber(chunkWrite / rawWrite, 2), unit: 'x', target: atLeast(chunkWrite / rawWrite, 0.8, '>= 0.8x') },
        { key: 'csv_write_vs_papaparse', json: chunkWrite / rawChunkWrite, name: '  / raw in the same pieces to a file', value: formatNumber(chunkWrite / rawChunkWrite, 2), unit: 'x', target: atLeast(chunkWrite / rawChunkWrite, 1, '>= 1.0x') },
        { name: 'read: raw papaparse step over a file stream', value: formatNumber(rawReadRate, 1), unit: 'MB/s' },
        { name: '  raw papaparse chunk callback over a file stream', value: formatNumber(rawChunkReadRate, 1), unit: 'MB/s' },
        { name: 'read: the one reader (readResponseFile), as npm run score reads', value: formatNumber(ourReadRate, 1), unit: 'MB/s' },
        { key: 'csv_read_vs_papaparse', json: ourReadRate / rawReadRate, name: '  / raw', value: formatNumber(ourReadRate / rawReadRate, 2), unit: 'x', target: atLeast(ourReadRate / rawReadRate, 0.9, '>= 0.9x') },
        { name: 'read peak RSS, our streaming read (child process)', value: formatNumber(ourChild.maxRssMb, 0), unit: 'MB', target: atMost(ourChild.maxRssMb, 150, '< 150 MB') },
        { name: '  raw papaparse step (child process)', value: formatNumber(rawChild.maxRssMb, 0), unit: 'MB' },
        { key: 'csv_read_rss_vs_papaparse', json: ourChild.maxRssMb / rawChild.maxRssMb, name: '  ours / raw papaparse step, peak RSS', value: formatNumber(ourChild.maxRssMb / rawChild.maxRssMb, 2), unit: 'x', target: atMost(ourChild.maxRssMb / rawChild.maxRssMb, 1.2, '<= 1.2x') },
        { name: '  node + tsx doing nothing (child process)', value: formatNumber(idle.maxRssMb, 0), unit: 'MB' },
      ];
      return {
        title: `csv: responses-long.csv, ${formatNumber(ROWS)} rows`,
        figures,
        notes: [
          `${formatNumber(responses.length)} synthetic ${FRAMEWORK_ID} responses (~6% N/A) = ${formatNumber(readRows - 1)} rows,`,
          `  ${formatNumber(megabytes(fileBytes), 1)} MB with BOM and CRLF; our one-string output ${same ? 'is' : 'is NOT'} byte for byte papaparse's plus BOM and final CRLF.`,
          `write: raw = Papa.unparse({ fields, data }, { newline: '\\r\\n' }) of the same 11 cells per row, built beforehand (untimed);`,
          `  ours starts from SurveyResponse objects. read: raw = Papa.parse(fs stream, { step }) counting rows, header: false;`,
          `  ours = readResponseFile (UTF-8 checked, papaparse stream, long reader), which checks every row and builds ${formatNumber(readResponses)} responses.`,
          `  Median of ${RUNS} runs each (writes) and ${READ_RUNS} runs each (reads), alternated.`,
          `CPU profile of one more read (node:inspector, self time): ${profile.join(', ')}.`,
          `RSS: peak resident memory (VmHWM, peak-rss.ts) of \`node --import tsx tests/bench/csv-read-child.ts\`, median of ${CHILD_RUNS} processes each; our read took ${formatNumber(Number(ourChild.ms) / 1000, 1)} s there.`,
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** The first responses whose answers (N/A included) make exactly `rows` rows, the last one cut. */
function exactlyRows(responses: readonly SurveyResponse[], rows: number): SurveyResponse[] {
  const taken: SurveyResponse[] = [];
  let total = 0;
  for (const response of responses) {
    if (total + response.answers.size <= rows) {
      taken.push(response);
      total += response.answers.size;
    } else {
      taken.push({ ...response, answers: answersFromEntries([...response.answers].slice(0, rows - total)) });
      total = rows;
    }
    if (total === rows) return taken;
  }
  throw new Error(`Only ${total} rows in the synthetic responses; ${rows} wanted.`);
}

/** The cells of each row as writeResponsesLongCsv writes them, in framework statement order. */
function longRows(responses: readonly SurveyResponse[], framework: Framework): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const r of responses) {
    for (const statement of framework.statements) {
      const rating = r.answers.get(statement.id);
      if (rating === undefined) continue;
      rows.push([
        r.responseId, r.frameworkId, r.surveyId, r.subjectId, r.raterGroup, r.submittedAt,
        statement.id, statement.level ?? '', statement.domain ?? '', rating, ratingLabel(rating, r.raterGroup), statement.caseItem?.uri ?? '',
      ]);
    }
  }
  return rows;
}

function stepThrough(path: string): Promise<number> {
  let rows = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8' }), {
      step: () => {
        rows += 1;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

function chunkThrough(path: string): Promise<number> {
  let rows = 0;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8' }), {
      chunk: (results: Papa.ParseResult<string[]>) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

type ChildReport = { mode: string; ms?: number; maxRssMb: number };

type ChildMode = 'ours' | 'raw' | 'idle';

/** CHILD_RUNS rounds of the three children in turn; for each, the child of median peak memory. */
async function childReads(path: string): Promise<Record<ChildMode, ChildReport>> {
  const modes: ChildMode[] = ['idle', 'raw', 'ours'];
  const reports: Record<ChildMode, ChildReport[]> = { idle: [], raw: [], ours: [] };
  for (let run = 0; run < CHILD_RUNS; run += 1) for (const mode of modes) reports[mode].push(await childRead(path, mode));
  const medianChild = (all: ChildReport[]) => [...all].sort((a, b) => a.maxRssMb - b.maxRssMb)[Math.floor(all.length / 2)] as ChildReport;
  return { idle: medianChild(reports.idle), raw: medianChild(reports.raw), ours: medianChild(reports.ours) };
}

async function childRead(path: string, mode: ChildMode): Promise<ChildReport> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, path, mode], { cwd: PROJECT, maxBuffer: 1 << 20 });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as ChildReport;
}
