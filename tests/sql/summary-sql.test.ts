import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, StatementType } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeResponsesLongCsv } from '../../src/core/io/responses-long-csv.ts';
import { writeStatementsCsv } from '../../src/core/io/statements-csv.ts';
import { SUMMARY_COLUMNS, writeSummaryCsv } from '../../src/core/io/summary-csv.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { instantMillis } from '../../src/core/model/instant.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { roundHalfAwayFromZero } from '../../src/core/score/rounding.ts';
import { scoreCohort } from '../../src/core/score/score-cohort.ts';
import type { AnonymityThresholds } from '../../src/core/score/thresholds.ts';
import { syntheticResponses } from '../bench/synthetic-data.ts';
import { builtinFrameworks } from '../support/builtin-frameworks.ts';
import { runCli } from '../support/run-cli.ts';
import { readCsvCells, rowSet, runSummarySql, SUMMARY_SQL_FILE, summarySqlStatements } from './summary-sql-runner.ts';

/**
 * sql/summary.sql, run with DuckDB from npm in the folder `npm run score` wrote, gives the rows
 * of that folder's summary.csv: compared as sets of rows, cell by cell as text.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/sql');
const frameworks = new Map(builtinFrameworks().map((framework): [string, Framework] => [framework.id, framework]));
const lookup = (id: string) => frameworks.get(id);

function freshFolder(): string {
  return mkdtempSync(join(tmpdir(), 'skillscope-sql-'));
}

/** `npm run score` on the input files into a new folder, which is returned. */
function scoreInto(...inputs: string[]): string {
  const out = join(freshFolder(), 'out');
  const run = runCli('score', [...inputs, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return out;
}

async function expectSqlToGiveSummary(folder: string) {
  const csv = readCsvCells(join(folder, 'summary.csv'));
  const sql = await runSummarySql(folder);
  expect(sql.columns).toEqual(csv.columns);
  expect(csv.rows.length).toBeGreaterThan(0);
  expect(rowSet(sql.rows)).toEqual(rowSet(csv.rows));
  return { csv, sql };
}

const groupsOf = (rows: readonly string[][]) => new Set(rows.map((row) => row[SUMMARY_COLUMNS.indexOf('rater_group')]));

describe('sql/summary.sql gives the rows of summary.csv', () => {
  it('folds a lone manager with two peers: self and others only, as npm run score shows them', async () => {
    const { sql } = await expectSqlToGiveSummary(scoreInto(join(FIXTURES, 'manager-folded-with-two-peers.csv')));
    expect(groupsOf(sql.rows)).toEqual(new Set(['self', 'others']));
  });

  it('scores learners across frameworks with and without levels: retakes at other offsets, ties on id, N/A only, folding twice', async () => {
    const { sql } = await expectSqlToGiveSummary(scoreInto(join(FIXTURES, 'learners-across-frameworks.csv')));
    const eve = sql.rows.filter((row) => row[0] === 'eve');
    expect(groupsOf(eve)).toEqual(new Set(['self', 'others']));
  });

  it('keeps ids with quotes, commas, line breaks, formula starts and __proto__ cell for cell', async () => {
    await expectSqlToGiveSummary(scoreInto(join(FIXTURES, 'hostile-ids.csv')));
  });

  it('matches on a synthetic cohort of three frameworks, with groups hidden and folded at random', async () => {
    // The same subjects on each framework; response ids made unique across frameworks.
    const responses = ['css-durable-skills', 'scqf-it-support', 'css-occupational'].flatMap((id, f) =>
      syntheticResponses(frameworks.get(id) as Framework, { subjects: 60, responses: 400, seed: 41 + f }).map((response) => ({ ...response, responseId: `${id}/${response.responseId}` })),
    );
    const input = join(freshFolder(), 'responses-long.csv');
    writeFileSync(input, writeResponsesLongCsv(responses, lookup));
    const out = scoreInto(input);
    const { csv } = await expectSqlToGiveSummary(out);
    expect(readFileSync(join(out, 'responses-long.csv'), 'utf8')).toContain('css-durable-skills');
    expect(groupsOf(csv.rows)).toEqual(new Set(['self', 'manager', 'peer', 'direct-report', 'other', 'others']));
  });

  it('counts a response once when responses-long.csv holds it twice (a file appended to itself)', async () => {
    const out = scoreInto(join(FIXTURES, 'learners-across-frameworks.csv'));
    const twice = freshFolder();
    const long = readFileSync(join(out, 'responses-long.csv'), 'utf8');
    writeFileSync(join(twice, 'responses-long.csv'), long + long.slice(long.indexOf('\r\n') + 2));
    copyFileSync(join(out, 'statements.csv'), join(twice, 'statements.csv'));
    copyFileSync(join(out, 'summary.csv'), join(twice, 'summary.csv'));
    await expectSqlToGiveSummary(twice);
  });

  it('applies other anonymity thresholds, set in its thresholds table, as the scorer does', async () => {
    const thresholds: AnonymityThresholds = { manager: 2, peer: 4, 'direct-report': 2, other: 2, others: 5, comments: 3 };
    const framework = frameworks.get('css-ai-at-work') as Framework;
    const responses = syntheticResponses(framework, { subjects: 150, responses: 900, seed: 7 });
    const folder = writeScored(responses, thresholds);
    const csv = readCsvCells(join(folder, 'summary.csv'));
    const sql = await runSummarySql(folder, {
      replace: new Map([[DEFAULT_THRESHOLD_ROWS, `('manager', 2, 1),\n  ('peer', 4, 2),\n  ('direct-report', 2, 3),\n  ('other', 2, 4),\n  ('others', 5, NULL)`]]),
    });
    expect(rowSet(sql.rows)).toEqual(rowSet(csv.rows));
    // The defaults give other rows on the same responses: the table is what decides.
    expect(rowSet((await runSummarySql(folder)).rows)).not.toEqual(rowSet(csv.rows));
  });
});

/** The thresholds table's rows as sql/summary.sql writes them (DESIGN.md's defaults). */
const DEFAULT_THRESHOLD_ROWS = `('manager', 1, 1),\n  ('peer', 3, 2),\n  ('direct-report', 3, 3),\n  ('other', 3, 4),\n  ('others', 3, NULL)`;

/** The three files `npm run score` writes, from scoreCohort with the given thresholds (the CLI has no option for them). */
function writeScored(responses: readonly SurveyResponse[], thresholds: AnonymityThresholds): string {
  const folder = freshFolder();
  const scores = scoreCohort(frameworks, responses, { thresholds });
  writeFileSync(join(folder, 'summary.csv'), writeSummaryCsv(scores));
  writeFileSync(join(folder, 'statements.csv'), writeStatementsCsv(scores, lookup));
  writeFileSync(join(folder, 'responses-long.csv'), writeResponsesLongCsv(responses, lookup));
  return folder;
}

describe('sql/summary.sql as a file', () => {
  it('ends every statement with a semicolon at the end of a line, and its last is a SELECT with the columns of summary.csv', async () => {
    const text = readFileSync(SUMMARY_SQL_FILE, 'utf8');
    const statements = summarySqlStatements();
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const extracted = await connection.extractStatements(text);
    expect(extracted.count).toBe(statements.length);
    for (const statement of statements) expect((await connection.extractStatements(statement)).count).toBe(1);
    expect(text.trimEnd().endsWith(';')).toBe(true);
    const folder = scoreInto(join(FIXTURES, 'manager-folded-with-two-peers.csv'));
    await connection.run(`SET file_search_path = '${folder.replaceAll("'", "''")}'`);
    for (let i = 0; i < extracted.count - 1; i += 1) await (await extracted.prepare(i)).run();
    const last = await extracted.prepare(extracted.count - 1);
    expect(last.statementType).toBe(StatementType.SELECT);
    expect((await last.runAndReadAll()).columnNames()).toEqual([...SUMMARY_COLUMNS]);
    connection.closeSync();
    instance.closeSync();
  });
});

/** A connection with the file's macros defined (they read no file). */
async function withMacros<T>(work: (query: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    for (const statement of summarySqlStatements().filter((s) => /^\s*CREATE OR REPLACE TEMP MACRO/m.test(s.replace(/^--.*$/gm, '')))) {
      await connection.run(statement);
    }
    return await work(async (sql) => (await connection.runAndReadAll(sql)).getRowsJS());
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A list of texts as a DuckDB literal; each text reaches DuckDB exactly. */
const textList = (texts: readonly string[]) => `[${texts.map((text) => `'${text.replaceAll("'", "''")}'`).join(', ')}]::VARCHAR[]`;

describe('the rules summary.sql reimplements agree with src/core', () => {
  it('rounds half away from zero on the printed decimal, as rounding.ts: 1.005 gives 1.01, and every figure a pool can give', async () => {
    const values = new Set<number>([1.005, 2.675, 1.015, 0.285, -0.125, -1.005, 16.65, 33.35, ((2.2 - 1) / 3) * 100, 200 / 3, -0.004, 1e-7, 1e21, 0.125, 0]);
    for (let n = 1; n <= 120; n += 1) {
      for (let sum = n; sum <= 4 * n; sum += 1) {
        const mean = sum / n;
        values.add(mean);
        values.add(((mean - 1) / 3) * 100);
        if (n >= 2) values.add(Math.sqrt(Math.max(0, (n * (sum + n) - sum * sum) / (n * (n - 1)))));
      }
    }
    fc.sample(fc.double({ min: -500, max: 500, noNaN: true }), 3000).forEach((value) => values.add(value));
    const list = [...values];
    const rows = await withMacros((query) =>
      query(`SELECT round_half_away(x, 2), round_half_away(x, 1) FROM (SELECT unnest(CAST(${textList(list.map(String))} AS DOUBLE[])) AS x)`),
    );
    const expected = list.map((value) => [roundHalfAwayFromZero(value, 2), roundHalfAwayFromZero(value, 1)].map(String));
    expect(rows.map((row) => row.map(String))).toEqual(expected);
  });

  it('reads every ISO 8601 instant the importer reads, at the same millisecond, and nothing it refuses', async () => {
    const dates = fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9998-12-30T00:00:00Z'), noInvalidDate: true });
    const spellings = fc.sample(fc.tuple(dates, fc.integer({ min: -1439, max: 1439 }), fc.integer({ min: 0, max: 5 })), 1500).map(([date, offset, form]) => {
      const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, -1);
      const zone = `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
      switch (form) {
        case 0: return `${local}${zone}`;
        case 1: return `${local.replaceAll('-', '').replaceAll(':', '')}${zone.replace(':', '')}`;
        case 2: return `${local.slice(0, 16).replace('T', ' ')}Z`;
        case 3: return `${local.slice(0, 13)},${local.slice(17, 19)}${zone.slice(0, 3)}`;
        case 4: return `${local.slice(0, 19).replace('.', ',')}.${local.slice(20)}999z`;
        default: return `${local}t`;
      }
    });
    const fixed = [
      '2024-05-01T09:30:00Z', '2024-05-01t09:30:00z', '20240501T093000Z', '2024-122T09:30Z', '2024122T0930Z', '2024-W18-3T09:30:00Z',
      '2024W183T0930Z', '2024-04-30T23:30-10', '20240501T0100-0830', '2024-05-01T09.5Z', '2024-05-01T09:30,0Z', '2024-05-01T24:00Z',
      '2016-12-31T23:59:60Z', '2020-W01-1T00:00Z', '2020-W53-5T00:00Z', '2026-W53-7T00:00Z', '2024-366T00:00Z', '2000-060T00:00Z',
      '0000-01-01T00:00:00Z', '0000-02-29T00:00Z', '9999-12-31T23:59:59.999Z', '2024-05-01T09:29,999999Z', '2024-05-01T09:30:00.123999Z',
      '2024-05-01T09:30:00', '2024-05-01', '2024-05T09:30Z', '2024-13-01T09:30Z', '2024-04-31T09:30Z', '1900-02-29T09:30Z', '2024-05-01T25:00Z',
      '2024-05-01T24:00:01Z', '2024-05-01T24:00:00.5Z', '2024-05-01T09:60Z', '2024-05-01T09:30:61Z', '2024-W53-1T09:30Z', '2024-W18-8T09:30Z',
      '2023-366T00:00Z', '2024-05-01T0930Z', '20240501T09:30Z', '2024-05-01T09:30+24:00', '2024-05-01T09:30+05:60', '２０２４-05-01T09:30Z',
      '2024-05-01T09:30Z\n', 'T09:30Z', '', "'2024-05-01T09:30Z", '2024-05-01T09:30:00.5+01',
    ];
    const texts = [...fixed, ...spellings];
    const rows = await withMacros((query) => query(`SELECT instant_ms(t) FROM (SELECT unnest(${textList(texts)}) AS t)`));
    expect(rows.map(([ms]) => (ms === null ? null : Number(ms)))).toEqual(texts.map((text) => instantMillis(text) ?? null));
  });
});

describe('sql/summary.sql refuses what npm run score would refuse, with a message naming it', () => {
  /** The scored fixture's folder, with responses-long.csv changed by `edit`. */
  function editedFolder(edit: (long: string) => string): string {
    const out = scoreInto(join(FIXTURES, 'manager-folded-with-two-peers.csv'));
    const folder = freshFolder();
    copyFileSync(join(out, 'statements.csv'), join(folder, 'statements.csv'));
    writeFileSync(join(folder, 'responses-long.csv'), edit(readFileSync(join(out, 'responses-long.csv'), 'utf8')));
    return folder;
  }

  it.each([
    ['a rating of 5', (long: string) => long.replace(',emerging-01,emerging,,1,', ',emerging-01,emerging,,5,'), 'rating "5" of response "ana-self" is not 1, 2, 3 or 4'],
    ['an unknown rater group', (long: string) => long.replaceAll(',peer,', ',boss,'), 'rater_group "boss" of response "ana-peer-1" is not one of'],
    ['a rater group with a line break and a terminal escape, shown as ?', (long: string) => long.replaceAll(',peer,', ',"boss\r\n\u001b[2J\u202E",'), 'rater_group "boss???[2J?" of response "ana-peer-1"'],
    ['a statement statements.csv does not list', (long: string) => long.replace(',emerging-01,', ',emerging-99,'), 'statement "emerging-99" of framework "css-ai-at-work" is not in statements.csv'],
    ['one response rating a statement twice, differently', (long: string) => `${long}${long.split('\r\n')[1]?.replace(',1,Not yet', ',2,With support') ?? ''}\r\n`, 'response "ana-self" rates statement "emerging-01" twice, differently'],
    ['one response_id under two subjects', (long: string) => `${long}${long.split('\r\n')[1]?.replace(',ana,', ',bob,') ?? ''}\r\n`, 'response "ana-self" appears with two different contents'],
  ])('%s', async (_, edit, message) => {
    await expect(runSummarySql(editedFolder(edit))).rejects.toThrow(message);
  });

  it('stops on a 3 MB cell with DuckDB\'s CSV error rather than running out of memory', async () => {
    const folder = editedFolder((long) => `${long}${'x'.repeat(3_000_000)},css-ai-at-work\r\n`);
    await expect(runSummarySql(folder)).rejects.toThrow(/CSV Error/);
  });
});

describe('the one difference sql/summary.sql cannot avoid (README)', () => {
  it('does not see a response that answered nothing, which has no row in responses-long.csv but counts in npm run score', async () => {
    const framework = frameworks.get('css-ai-at-work') as Framework;
    const rated = new Map(framework.statements.map((statement): [string, 3] => [statement.id, 3]));
    const response = (id: string, group: 'self' | 'peer', answers: ReadonlyMap<string, 3>) =>
      JSON.stringify({ format: 'skillscope-response', version: 1, response_id: id, framework_id: framework.id, survey_id: `${framework.id}.${group === 'self' ? 'self' : '360'}`, subject_id: 'ana', rater_group: group, submitted_at: '2026-03-01T09:00:00Z', answers: Object.fromEntries(answers), comments: {} });
    const input = freshFolder();
    const files = [response('self', 'self', rated), response('peer-1', 'peer', rated), response('peer-2', 'peer', rated), response('peer-3', 'peer', new Map())].map((text, n) => {
      const file = join(input, `${n}.json`);
      writeFileSync(file, text);
      return file;
    });
    const out = scoreInto(...files);
    expect(groupsOf(readCsvCells(join(out, 'summary.csv')).rows)).toEqual(new Set(['self', 'peer', 'others']));
    expect(groupsOf((await runSummarySql(out)).rows)).toEqual(new Set(['self']));
  });
});
