import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/core/io/csv-format.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { formatIssue, type Result } from '../../src/core/model/result.ts';
import { readFrameworkFile } from '../../src/core/parse/parse-framework-file.ts';
import { convertWithLibreOffice } from '../support/libreoffice.ts';
import { runCli } from '../support/run-cli.ts';

const temp = () => mkdtempSync(join(tmpdir(), 'skillscope-sheet-'));
const readXlsx = (bytes: Uint8Array) => readSheet(Buffer.from(bytes), 1);

/** A service desk's own framework, typed into the downloaded template in place of the example rows. */
const OWN_ROWS = [
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', '', 'Emerging', 'Logs every call in the ticket system, with the caller\'s words.', ''],
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', '', 'developing', 'Resets a password after checking who is asking, as the procedure says.', 'identity-check'],
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', '', 'PROFICIENT', 'Chooses the priority of a ticket from its impact and urgency, "P1" to "P4".', ''],
  ['service-desk', 'Service desk skills', 'Northwind IT, 2026', '', 'advanced', 'Writes the weekly report: trends, repeat callers & root causes.', ''],
];

/** The template as downloaded, its example rows replaced by the user's (the header kept as it is). */
function fillTemplate(dir: string): string {
  const [header = []] = Papa.parse<string[]>(readFileSync('public/templates/framework-template.csv', 'utf8').replace(/^\uFEFF/, '')).data;
  const path = join(dir, 'service-desk.csv');
  writeFileSync(path, writeCsv(header, OWN_ROWS));
  return path;
}

async function load(path: string): Promise<Framework> {
  const result: Result<Framework[]> = await readFrameworkFile(new Uint8Array(readFileSync(path)), path, readXlsx);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  const [framework] = result.value;
  if (framework === undefined) throw new Error('no framework');
  // The credits name the file read; everything else must be the same whatever the file.
  return { ...framework, attributions: framework.attributions.map((a) => ({ ...a, sourceFile: '' })) };
}

const surveys = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('a framework filled in the spreadsheet template and saved by LibreOffice', () => {
  it('loads unchanged from the CSV, the .xlsx LibreOffice saves, and the CSV it saves again', async () => {
    const dir = temp();
    const csv = fillTemplate(dir);
    const lo = join(dir, 'libreoffice');
    mkdirSync(lo);
    const xlsx = convertWithLibreOffice(csv, 'xlsx', lo);
    const again = join(dir, 'again');
    mkdirSync(again);
    const resaved = convertWithLibreOffice(xlsx, 'csv', again);

    const fromCsv = await load(csv);
    expect(fromCsv.statements.map((s) => [s.id, s.level, s.text])).toEqual([
      ['emerging-01', 'emerging', OWN_ROWS[0]?.[5]],
      ['identity-check', 'developing', OWN_ROWS[1]?.[5]],
      ['proficient-01', 'proficient', OWN_ROWS[2]?.[5]],
      ['advanced-01', 'advanced', OWN_ROWS[3]?.[5]],
    ]);
    expect(await load(xlsx)).toEqual(fromCsv);
    expect(await load(resaved)).toEqual(fromCsv);
  }, 120_000);

  it('gives the same surveys through npm run generate from the CSV and from LibreOffice\'s .xlsx', () => {
    const dir = temp();
    const csv = fillTemplate(dir);
    const xlsx = convertWithLibreOffice(csv, 'xlsx', dir);
    const [fromCsv, fromXlsx] = [join(dir, 'from-csv'), join(dir, 'from-xlsx')];
    const csvRun = runCli('generate', [csv, '--out', fromCsv]);
    const xlsxRun = runCli('generate', [xlsx, '--out', fromXlsx]);
    expect(csvRun.stderr).toBe('');
    expect(xlsxRun.stdout).toContain('Wrote 2 surveys for 1 framework');
    expect(xlsxRun.status).toBe(0);
    expect(Object.keys(surveys(fromXlsx))).toEqual(['service-desk.360.json', 'service-desk.self.json']);
    expect(surveys(fromXlsx)).toEqual(surveys(fromCsv));
  }, 120_000);

  it('reads the downloadable templates themselves with npm run generate', () => {
    const dir = temp();
    for (const name of ['framework-template.csv', 'framework-template.xlsx']) {
      const path = join(dir, name);
      copyFileSync(join('public/templates', name), path);
      const run = runCli('generate', [path, '--out', join(dir, `out-${name}`)]);
      expect(run.stdout).toContain('my-team-skills');
      expect(run.status).toBe(0);
    }
  }, 60_000);

  it('lists every bad row of a workbook, exits 1 and writes nothing', () => {
    const dir = temp();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, writeCsv(['framework_id', 'framework_title', 'level', 'statement'], [['t', 'T', 'emerging', 'A'], ['t', 'T', 'expert', 'B'], ['t', 'T', 'developing', '']]));
    const xlsx = convertWithLibreOffice(bad, 'xlsx', dir);
    const out = join(dir, 'out');
    const run = runCli('generate', [xlsx, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${xlsx}, row 3: level: "expert" is not a level: write emerging, developing, proficient or advanced, or leave it empty for a framework without levels. [spreadsheet.bad-level]`,
      `${xlsx}, row 4: statement: The statement is empty: every row is one statement (delete the row if it is not). [spreadsheet.missing-statement]`,
      'Nothing written: 2 problems.',
    ]);
    expect(() => readdirSync(out)).toThrow();
  }, 120_000);
});

describe('a framework kept in an .xlsx workbook, on the other commands', () => {
  it('scores responses against it with npm run score --framework, as from its CSV', () => {
    const dir = temp();
    const csv = fillTemplate(dir);
    const xlsx = convertWithLibreOffice(csv, 'xlsx', dir);
    const statements = ['emerging-01', 'identity-check', 'proficient-01', 'advanced-01'];
    const responses = join(dir, 'responses-wide.csv');
    writeFileSync(responses, writeCsv(['response_id', 'framework_id', 'survey_id', 'subject_id', 'rater_group', 'submitted_at', ...statements], [
      ['r-self', 'service-desk', 'service-desk.self', 'ana', 'self', '2026-05-01T09:00:00Z', 4, 3, 2, 1],
      ['r-manager', 'service-desk', 'service-desk.360', 'ana', 'manager', '2026-05-02T09:00:00Z', 4, 4, 3, 'NA'],
    ]));
    const [fromCsv, fromXlsx] = [join(dir, 'from-csv'), join(dir, 'from-xlsx')];
    const csvRun = runCli('score', [responses, '--framework', csv, '--out', fromCsv, '--only', 'summary']);
    const xlsxRun = runCli('score', [responses, '--framework', xlsx, '--out', fromXlsx, '--only', 'summary']);
    expect(xlsxRun.stderr).toBe('');
    expect(xlsxRun.status).toBe(0);
    expect(csvRun.status).toBe(0);
    const summary = readFileSync(join(fromXlsx, 'summary.csv'), 'utf8');
    // Self 4, 3, 2, 1: developing attained (proficient's one rating is 2); the manager's N/A on advanced leaves it unmet.
    expect(summary).toContain('ana,service-desk,framework,all,self,1,4,2.5,50,1.29,developing\r\n');
    expect(summary).toContain('ana,service-desk,framework,all,manager,1,3,3.67,88.9,0.58,proficient\r\n');
    expect(summary).toBe(readFileSync(join(fromCsv, 'summary.csv'), 'utf8'));
  }, 120_000);

  it('exports it as a CASE package with npm run export --framework', () => {
    const dir = temp();
    const xlsx = convertWithLibreOffice(fillTemplate(dir), 'xlsx', dir);
    const out = join(dir, 'service-desk.case.json');
    const run = runCli('export', ['--framework', xlsx, '--format', 'case', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pkg = JSON.parse(readFileSync(out, 'utf8')) as { CFItems: { fullStatement: string }[] };
    expect(pkg.CFItems.map((item) => item.fullStatement)).toEqual(expect.arrayContaining(OWN_ROWS.map((row) => row[5])));
  }, 120_000);
});
