import { describe, expect, it } from 'vitest';
import { formatIssue, type Result } from '../../../src/core/model/result.ts';
import type { Framework } from '../../../src/core/model/framework.ts';
import { MAX_SPREADSHEET_STATEMENTS, parseSpreadsheetFramework } from '../../../src/core/parse/spreadsheet-framework.ts';

const HEADER = ['framework_id', 'framework_title', 'source', 'domain', 'level', 'statement', 'statement_id'];
const row = (domain: string, level: string, statement: string, id = '', framework = 'team-skills') => [framework, 'Team skills', 'Acme Ltd', domain, level, statement, id];

function read(rows: string[][]): Framework {
  const result = parseSpreadsheetFramework(rows, 'team.csv');
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.value;
}
function problems(result: Result<Framework>): string[] {
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe('a framework from the spreadsheet template, one row per statement', () => {
  it('reads domains and levels, numbering statement ids through each domain as the other parsers do', () => {
    const framework = read([HEADER, row('Communication', 'emerging', 'Writes clearly.'), row('Communication', 'developing', 'Explains a fix.'), row('Problem solving', 'proficient', 'Finds causes.'), row('Problem solving', 'advanced', 'Prevents problems.')]);
    expect(framework.id).toBe('team-skills');
    expect(framework.title).toBe('Team skills');
    expect(framework.levels.map((l) => l.id)).toEqual(['emerging', 'developing', 'proficient', 'advanced']);
    expect(framework.domains.map((d) => [d.id, d.title])).toEqual([['communication', 'Communication'], ['problem-solving', 'Problem solving']]);
    expect(framework.statements.map((s) => [s.id, s.level, s.domain, s.text])).toEqual([
      ['communication-01', 'emerging', 'communication', 'Writes clearly.'],
      ['communication-02', 'developing', 'communication', 'Explains a fix.'],
      ['problem-solving-01', 'proficient', 'problem-solving', 'Finds causes.'],
      ['problem-solving-02', 'advanced', 'problem-solving', 'Prevents problems.'],
    ]);
    expect(framework.attributions.map((a) => a.publisher)).toEqual(['Acme Ltd']);
  });

  it('matches column names whatever their case and spacing, in any order, and level words in any case', () => {
    const framework = read([
      ['Statement', ' LEVEL ', 'Framework ID', 'framework title'],
      ['Reads logs.', 'Emerging ', 'ops', 'Ops'],
      ['Fixes outages.', 'DEVELOPING', '', ''],
      ['Plans capacity.', ' proficient', '', ''],
      ['Designs systems.', 'Advanced', '', ''],
    ]);
    expect(framework.statements.map((s) => `${s.id} ${s.level}`)).toEqual(['emerging-01 emerging', 'developing-01 developing', 'proficient-01 proficient', 'advanced-01 advanced']);
    expect(framework.domains).toEqual([]);
  });

  it('makes a framework without levels when the level column is empty, and without domains when domain is', () => {
    const framework = read([HEADER, row('', '', 'One.'), row('', '', 'Two.')]);
    expect(framework.levels).toEqual([]);
    expect(framework.statements.map((s) => s.id)).toEqual(['statement-01', 'statement-02']);
    expect(framework.standardLevel).toBe('proficient');
  });

  it('keeps a given statement_id, and derived ids do not shift when one row has its own', () => {
    const framework = read([HEADER, row('Care', '', 'A.'), row('Care', '', 'B.', 'bedside-manner'), row('Care', '', 'C.')]);
    expect(framework.statements.map((s) => s.id)).toEqual(['care-01', 'bedside-manner', 'care-03']);
  });

  it('skips blank rows but counts them, so messages name the rows the spreadsheet shows', () => {
    const result = parseSpreadsheetFramework([HEADER, row('', '', 'A.'), ['', '', ''], [], row('', 'expert', 'B.')], 'team.csv');
    expect(problems(result)).toEqual([
      'team.csv, row 5: level: "expert" is not a level: write emerging, developing, proficient or advanced, or leave it empty for a framework without levels. [spreadsheet.bad-level]',
    ]);
  });

  it('lists every bad row at once, in row order, and returns nothing', () => {
    const result = parseSpreadsheetFramework([
      HEADER,
      row('Care', 'emerging', 'Fine.'),
      row('Care', 'Expert', 'Bad level.'),
      row('', 'developing', 'No domain.'),
      row('Care', 'proficient', ''),
      row('Care', 'advanced', 'Bad id.', 'Bad Id!'),
      row('Care', 'advanced', 'Other framework.', '', 'other-one'),
      row('Care', 'advanced', 'Twin.', 'care-01'),
    ], 'team.csv');
    expect(problems(result)).toEqual([
      'team.csv, row 3: level: "Expert" is not a level: write emerging, developing, proficient or advanced, or leave it empty for a framework without levels. [spreadsheet.bad-level]',
      'team.csv, row 4: domain: This statement has no domain, but row 2 has one: give every statement a domain, or none. [spreadsheet.missing-domain]',
      'team.csv, row 5: statement: The statement is empty: every row is one statement (delete the row if it is not). [spreadsheet.missing-statement]',
      'team.csv, row 6: statement_id: "Bad Id!" is not lower-case kebab (letters a-z, digits and single hyphens): write "bad-id". [spreadsheet.bad-id]',
      'team.csv, row 7: framework_id: "other-one" differs from "team-skills" in row 2: a sheet holds one framework. [spreadsheet.two-frameworks]',
      'team.csv, row 8: statement_id: "care-01" is also the id of row 2: each statement needs its own. [spreadsheet.duplicate-statement-id]',
    ]);
  });

  it('refuses a header that names a column twice, even spelled two ways, or a column the template does not have', () => {
    const result = parseSpreadsheetFramework([['framework_id', 'framework_title', 'statement', 'Statement ', 'notes'], ['a', 'A', 'x', 'y', 'z']], 'team.csv');
    expect(problems(result)).toEqual([
      'team.csv, row 1: column 4: The header names statement twice (columns 3 and 4). [spreadsheet.duplicate-column]',
      'team.csv, row 1: column 5: Column "notes" is not one of the template\'s: framework_id, framework_title, source, domain, level, statement, statement_id. [spreadsheet.unknown-column]',
    ]);
  });

  it('says which required column is missing, and tells an empty sheet from one without statements', () => {
    expect(problems(parseSpreadsheetFramework([['framework_id', 'statement'], ['a', 'x']], 'f.csv'))).toEqual(['f.csv, row 1: framework_title: Column framework_title is missing from the header row. [spreadsheet.missing-column]']);
    expect(problems(parseSpreadsheetFramework([[], ['', '']], 'f.csv'))[0]).toContain('[spreadsheet.empty]');
    expect(problems(parseSpreadsheetFramework([HEADER], 'f.csv'))[0]).toContain('[spreadsheet.no-rows]');
  });

  it('accepts empty columns left of nothing, but not a value right of the last named column', () => {
    expect(read([[...HEADER, '', ''], [...row('', '', 'A.'), '', '']]).statements).toHaveLength(1);
    expect(problems(parseSpreadsheetFramework([[...HEADER, ''], [...row('', '', 'A.'), 'stray']], 'f.csv'))).toEqual(['f.csv, row 1: column 8: Column 8 has values but no name in the header row. [spreadsheet.empty-header]']);
  });

  it('needs the four levels to have a statement each in a levelled framework', () => {
    const result = parseSpreadsheetFramework([HEADER, row('', 'emerging', 'A.'), row('', 'advanced', 'B.')], 'f.csv');
    expect(problems(result)).toEqual([
      'f.csv: levels.developing: Level "developing" has no statements. [framework.empty-level]',
      'f.csv: levels.proficient: Level "proficient" has no statements. [framework.empty-level]',
    ]);
  });
});

describe('a sheet written to hurt', () => {
  it('refuses a 50 MB cell in linear time, quoting a short excerpt', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const started = performance.now();
    const found = problems(parseSpreadsheetFramework([HEADER, row('', '', huge)], 'f.csv'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(found).toEqual([`f.csv, row 2: statement: "${'x'.repeat(30)}…" (52,428,800 characters) is too long: at most 10,000 characters. [spreadsheet.cell-too-long]`]);
  });

  it('refuses a million rows with one line, before reading any of them', () => {
    const rows = [HEADER, ...Array.from({ length: 1_000_000 }, () => row('', '', 'A.'))];
    expect(problems(parseSpreadsheetFramework(rows, 'f.csv'))).toEqual([`f.csv: The sheet has 1,000,000 rows; a framework may have at most ${MAX_SPREADSHEET_STATEMENTS.toLocaleString('en')} statements. [spreadsheet.too-many-rows]`]);
  });

  it('refuses control characters, and shows them escaped so they cannot fake a line or clear a terminal', () => {
    const found = problems(parseSpreadsheetFramework([HEADER, row('', '', 'Clears\u001b[2J the screen'), row('', '', 'ok', 'id\u0000')], 'f.csv'));
    expect(found).toEqual([
      'f.csv, row 2: statement: "Clears\\u001b[2J the screen" holds a control character ("\\u001b") at position 7: retype the cell. [spreadsheet.control-character]',
      'f.csv, row 3: statement_id: "id\\u0000" holds a control character ("\\u0000") at position 3: retype the cell. [spreadsheet.control-character]',
    ]);
  });

  it('keeps text that looks like HTML or a formula as text, and a line break inside a statement', () => {
    const framework = read([HEADER, row('', '', '<img src=x onerror=alert(1)>'), row('', '', '=HYPERLINK("http://evil")'), row('', '', 'Two\nlines')]);
    expect(framework.statements.map((s) => s.text)).toEqual(['<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil")', 'Two\nlines']);
  });

  it('lists at most 1,000 problems and counts the rest', () => {
    const rows = [HEADER, ...Array.from({ length: 5000 }, (_, i) => row('', 'wrong', `S${i}`))];
    const result = parseSpreadsheetFramework(rows, 'f.csv');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1001);
    expect(result.issues.at(-1)?.message).toBe('4000 more problems of the same kinds are not listed.');
  });

  it('makes a domain with a prototype-like or non-Latin title harmless', () => {
    const framework = read([HEADER, row('__proto__', '', 'A.'), row('沟通', '', 'B.'), row('Constructor', '', 'C.')]);
    expect(framework.domains.map((d) => [d.id, d.title])).toEqual([['proto', '__proto__'], ['domain-02', '沟通'], ['constructor', 'Constructor']]);
  });
});
