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
