import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { formatIssue, type Result } from '../../../src/core/model/result.ts';
import type { Framework } from '../../../src/core/model/framework.ts';
import { parseFrameworkFile, readFrameworkBytes } from '../../../src/core/parse/parse-framework-file.ts';
import { parseSpreadsheetCsv } from '../../../src/core/parse/spreadsheet-csv.ts';
import { TEMPLATE_ROWS, templateCsv } from '../../support/framework-template.ts';

const HEADER = 'framework_id,framework_title,source,domain,level,statement,statement_id';
const csv = (...lines: string[]) => `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`;

function frameworks(result: Result<Framework[]>): Framework[] {
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}
const problems = (result: Result<unknown>) => (result.ok ? [] : result.issues.map(formatIssue));

describe('the spreadsheet template as CSV', () => {
  it('is offered for download exactly as the template module writes it, and loads as the example framework', () => {
    const file = readFileSync('public/templates/framework-template.csv', 'utf8');
    expect(file).toBe(templateCsv());
    const [framework] = frameworks(parseFrameworkFile(file, 'framework-template.csv'));
    expect(framework?.id).toBe('my-team-skills');
    expect(framework?.statements.map((s) => s.text)).toEqual(TEMPLATE_ROWS.map((row) => row[5]));
    expect(framework?.statements.map((s) => s.id)).toEqual(['communication-01', 'communication-02', 'communication-03', 'communication-04', 'problem-solving-01', 'problem-solving-02', 'problem-solving-03', 'problem-solving-04']);
  });

  it('is told apart by its header, not its name, from the bytes as a browser or disk gives them', () => {
    const bytes = new TextEncoder().encode(templateCsv());
    expect(frameworks(readFrameworkBytes(bytes, 'anything.txt'))[0]?.id).toBe('my-team-skills');
  });

  it('reads the same framework with or without the BOM, with LF, and as Excel saves it in semicolon locales', () => {
    const rows = ['t,T,,,,"First, with a comma",', 't,T,,,,Second,'];
    const expected = frameworks(parseFrameworkFile(csv(...rows), 'a.csv'));
    expect(frameworks(parseFrameworkFile([HEADER, ...rows].join('\n'), 'a.csv'))).toEqual(expected);
    const semicolons = Papa.unparse([HEADER.split(','), ...rows.map((r) => Papa.parse<string[]>(r).data[0] ?? [])], { delimiter: ';' });
    expect(frameworks(parseFrameworkFile(semicolons, 'a.csv'))).toEqual(expected);
  });

  it('removes exactly the one formula guard Skillscope writes, so a statement starting with = or - stays that text', () => {
    const [framework] = frameworks(parseFrameworkFile(csv(`t,T,,,,"'=HYPERLINK(""http://evil"")",`, "t,T,,,,'-checks the backup,", "t,T,,,,''+kept one quote,"), 'a.csv'));
    expect(framework?.statements.map((s) => s.text)).toEqual(['=HYPERLINK("http://evil")', '-checks the backup', "'+kept one quote"]);
  });

  it('lists every bad row with file, row and column, and loads nothing', () => {
    const result = parseFrameworkFile(csv('t,T,,,Emerging,Fine,', 't,T,,,beginner,Bad level,', 't,T,,,developing,,', 't,T,,,proficient,ok,Not Kebab', 't,T,,,advanced,Last,'), 'team.csv');
    expect(problems(result)).toEqual([
      'team.csv, row 3: level: "beginner" is not a level: write emerging, developing, proficient or advanced, or leave it empty for a framework without levels. [spreadsheet.bad-level]',
      'team.csv, row 4: statement: The statement is empty: every row is one statement (delete the row if it is not). [spreadsheet.missing-statement]',
      'team.csv, row 5: statement_id: "Not Kebab" is not lower-case kebab (letters a-z, digits and single hyphens): write "not-kebab". [spreadsheet.bad-id]',
    ]);
  });

  it('is not confused with a responses CSV or any other CSV', () => {
    expect(problems(parseFrameworkFile('response_id,framework_id,statement_id,rating\r\nr1,f,s,3\r\n', 'responses-long.csv'))[0]).toContain('[framework.unknown-format]');
  });
});

describe('a CSV written to hurt', () => {
  it('refuses a file with a 50 MB cell by its size, before parsing', () => {
    const text = csv(`t,T,,,,${'x'.repeat(50 * 1024 * 1024)},`);
    expect(problems(parseFrameworkFile(text, 'big.csv'))).toEqual(['big.csv: The file is 50.0 MB; a framework file may be at most 5 MB. [file.too-large]']);
  });

  it('refuses a 50 MB cell in the CSV reader itself in linear time, quoting an excerpt', () => {
    const started = performance.now();
    const found = problems(parseSpreadsheetCsv(csv(`t,T,,,,${'x'.repeat(50 * 1024 * 1024)},`, 't,T,,,,fine,'), 'big.csv'));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^big\.csv, row 2: column 6: This cell holds 52,428,800 characters, starting "x{20}…" .*\[csv\.cell-too-long\]$/);
  });

  it('refuses a million rows with one line, keeping none of them in memory', () => {
    const text = `${HEADER}\n${'t,T,,,,a,\n'.repeat(1_000_000)}`;
    const started = performance.now();
    expect(problems(parseSpreadsheetCsv(text, 'rows.csv'))).toEqual(['rows.csv: The sheet has 1,000,000 rows; a framework may have at most 10,000 statements. [spreadsheet.too-many-rows]']);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a header that names a column twice', () => {
    expect(problems(parseFrameworkFile('framework_id,framework_title,statement,FRAMEWORK_ID\r\nt,T,a,t\r\n', 'dup.csv'))).toEqual(['dup.csv, row 1: column 4: The header names framework_id twice (columns 1 and 4). [spreadsheet.duplicate-column]']);
  });

  it('refuses control characters in an id or a statement, shown escaped', () => {
    expect(problems(parseFrameworkFile(csv('t\u0007,T,,,,a,', 't,T,,,,b\u001b]0;pwned\u0007,'), 'ctl.csv'))).toEqual([
      'ctl.csv, row 2: framework_id: "t\\u0007" holds a control character ("\\u0007") at position 2: retype the cell. [spreadsheet.control-character]',
      'ctl.csv, row 3: statement: "b\\u001b]0;pwned\\u0007" holds a control character ("\\u001b") at position 2: retype the cell. [spreadsheet.control-character]',
    ]);
  });

  it('refuses a stray quote with the row papaparse found it on', () => {
    expect(problems(parseFrameworkFile(csv('t,T,,,,"never closed,'), 'quote.csv'))[0]).toMatch(/^quote\.csv, row 2: .*\[csv\.missing-quotes\]$/);
  });
});
