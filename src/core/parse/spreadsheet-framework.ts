import { CsvIssues } from '../io/responses-csv-checks.ts';
import { excerpt } from '../model/echo.ts';
import { type Attribution, type Domain, type Framework, type Level, LEVEL_IDS, LEVEL_LABELS, type Statement } from '../model/framework.ts';
import { slug, statementId } from '../model/ids.ts';
import { type Issue, type Result, inFile } from '../model/result.ts';
import { validateFramework } from '../model/validate-framework.ts';
import { indexColumns } from './spreadsheet-columns.ts';
import { readSheetRow, type SheetRow } from './spreadsheet-row.ts';

/**
 * A framework from the spreadsheet template (CSV or XLSX, issue 11): one row per statement,
 * `framework_id, framework_title, source, domain, level, statement, statement_id`. Every bad row
 * is listed (`file, row N: column: what is wrong`) and nothing is returned unless all are good.
 *
 * `rows[i]` is the sheet's row i + 1, blank rows included, so the row numbers in messages are
 * the ones the spreadsheet shows; cells are text, formula guards already removed.
 */
export type SheetRows = readonly (readonly string[])[];

/**
 * Far more than any competency framework (the largest CASE packages have a few thousand items),
 * and few enough that a survey, a CSV column per statement and the browser's storage cope.
 */
export const MAX_SPREADSHEET_STATEMENTS = 10_000;

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export function tooManyRowsIssue(count: number, file: string): Issue {
  return {
    code: 'spreadsheet.too-many-rows',
    file,
    path: '',
    message: `The sheet has ${count.toLocaleString('en')} rows; a framework may have at most ${MAX_SPREADSHEET_STATEMENTS.toLocaleString('en')} statements.`,
  };
}

export function parseSpreadsheetFramework(rows: SheetRows, file: string): Result<Framework> {
  const headerAt = rows.findIndex((cells) => !isBlankRow(cells));
  const header = rows[headerAt];
  if (header === undefined) {
    return { ok: false, issues: [{ code: 'spreadsheet.empty', file, path: '', message: 'The sheet is empty: its first row names the columns (framework_id, framework_title, source, domain, level, statement, statement_id), then one row per statement.' }] };
  }
  const body: { cells: readonly string[]; row: number }[] = [];
  rows.forEach((cells, index) => {
    if (index > headerAt && !isBlankRow(cells)) body.push({ cells, row: index + 1 });
  });
  if (body.length > MAX_SPREADSHEET_STATEMENTS) return { ok: false, issues: [tooManyRowsIssue(body.length, file)] };
  if (body.length === 0) {
    return { ok: false, issues: [{ code: 'spreadsheet.no-rows', file, row: headerAt + 1, path: '', message: 'The sheet has a header but no statements: add one row per statement below it.' }] };
  }

  const issues = new CsvIssues(file);
  const { columns, issues: headerProblems } = indexColumns(header, headerAt + 1, file, (column) => body.some(({ cells }) => (cells[column] ?? '').trim() !== ''));
  for (const issue of headerProblems) issues.add(issue);
  if (headerProblems.some((issue) => issue.code === 'spreadsheet.missing-column')) return { ok: false, issues: byRow(issues.all()) };

  const sheetRows: SheetRow[] = [];
  for (const { cells, row } of body) {
    for (let index = header.length; index < cells.length; index += 1) {
      if ((cells[index] ?? '').trim() !== '') issues.add({ code: 'spreadsheet.cell-outside-columns', file, row, path: `column ${index + 1}`, message: 'This cell is right of the last named column: give the column a name or empty the cell.' });
    }
    const read = readSheetRow(cells, row, columns);
    for (const problem of read.problems) issues.add({ code: problem.code, file, row, path: problem.column, message: problem.message });
    sheetRows.push(read.value);
  }
  const frameworkId = agreedValue(sheetRows, (r) => r.frameworkId, 'framework_id', issues);
  const title = agreedValue(sheetRows, (r) => r.frameworkTitle, 'framework_title', issues);
  const levelled = allOrNone(sheetRows, (r) => r.level !== null, 'level', 'a level', issues);
  const withDomains = allOrNone(sheetRows, (r) => r.domain !== '', 'domain', 'a domain', issues);
  const domains = withDomains ? collectDomains(sheetRows) : new Map<string, Domain>();
  const statements = buildStatements(sheetRows, domains, levelled, issues);
  if (issues.count > 0) return { ok: false, issues: byRow(issues.all()) };

  const sources = [...new Set(sheetRows.map((r) => r.source).filter((source) => source !== ''))];
  const framework: Framework = {
    id: frameworkId,
    title,
    version: 'unversioned',
    description: '',
    attributions: attributionsOf(sources, file),
    levels: levelled ? LEVEL_IDS.map((id): Level => ({ id, label: LEVEL_LABELS[id], description: '' })) : [],
    standardLevel: 'proficient',
    domains: [...domains.values()],
    statements: statements.map((statement) => ({ ...statement, source: statement.source === '' ? (sources[0] ?? '') : statement.source })),
    info: [],
    alignments: [],
  };
  const problems = validateFramework(framework);
  return problems.length > 0 ? { ok: false, issues: inFile(file, problems) } : { ok: true, value: framework };
}

/**
 * Framework-wide columns may be filled on every row or only on the first: every value given
 * must be the same, since a sheet holds one framework.
 */
function agreedValue(rows: readonly SheetRow[], read: (row: SheetRow) => string, column: string, issues: CsvIssues): string {
  let first: SheetRow | undefined;
  for (const row of rows) {
    const value = read(row);
    if (value === '') continue;
    if (first === undefined) first = row;
    else if (value !== read(first)) {
      issues.add({ code: 'spreadsheet.two-frameworks', file: issues.file, row: row.row, path: column, message: `${excerpt(value)} differs from ${excerpt(read(first))} in row ${first.row}: a sheet holds one framework.` });
    }
  }
  // A value refused in its cell already has its message.
  if (first === undefined && !issues.list.some((issue) => issue.path === column)) {
    issues.add({ code: 'spreadsheet.missing-value', file: issues.file, path: column, message: `No row gives the ${column}: write it at least in the first statement's row.` });
  }
  return first === undefined ? '' : read(first);
}

/** Levels (or domains) are for every statement or for none: a statement left out would be in no page of the survey. */
function allOrNone(rows: readonly SheetRow[], has: (row: SheetRow) => boolean, column: string, what: string, issues: CsvIssues): boolean {
  const example = rows.find(has);
  if (example === undefined) return false;
  for (const row of rows) {
    // A row whose cell was refused already has its message.
    if (!has(row) && !issues.list.some((issue) => issue.row === row.row && issue.path === column)) {
      issues.add({ code: `spreadsheet.missing-${column}`, file: issues.file, row: row.row, path: column, message: `This statement has no ${column}, but row ${example.row} has one: give every statement ${what}, or none.` });
    }
  }
  return true;
}

/** Domains in the order they first appear; `Critical thinking` and `critical thinking` are one. */
function collectDomains(rows: readonly SheetRow[]): Map<string, Domain> {
  const domains = new Map<string, Domain>();
  for (const row of rows) {
    if (row.domain === '' || domainIdOf(row.domain, domains) !== undefined) continue;
    const fallback = `domain-${String(domains.size + 1).padStart(2, '0')}`;
    const taken = new Set([...domains.values()].map((d) => d.id));
    let id = slug(row.domain, 60, fallback);
    if (taken.has(id)) id = fallback;
    domains.set(row.domain.toLowerCase(), { id, title: row.domain, kind: 'domain', description: '', mandatory: true });
  }
  return domains;
}

function domainIdOf(title: string, domains: ReadonlyMap<string, Domain>): string | undefined {
  return domains.get(title.toLowerCase())?.id;
}

/**
 * Statement ids: the row's `statement_id`, or, as the other parsers do, from the statement's
 * place: its domain (or level) and its number in it (`communication-03`, `emerging-01`), or
 * `statement-07` in a framework with neither. Numbers count every statement of the group, so
 * giving one row an id never renumbers the others.
 */
function buildStatements(rows: readonly SheetRow[], domains: ReadonlyMap<string, Domain>, levelled: boolean, issues: CsvIssues): Statement[] {
  const counts = new Map<string, number>();
  const owners = new Map<string, SheetRow>();
  const statements: Statement[] = [];
  for (const row of rows) {
    const domain = domains.size > 0 ? (domainIdOf(row.domain, domains) ?? null) : null;
    const group = domain ?? (levelled ? row.level : null) ?? 'statement';
    const place = (counts.get(group) ?? 0) + 1;
    counts.set(group, place);
    const given = row.statementId !== '';
    const id = given ? row.statementId : statementId(group, place);
    const owner = owners.get(id);
    if (owner !== undefined) {
      issues.add({
        code: 'spreadsheet.duplicate-statement-id',
        file: issues.file,
        row: row.row,
        path: 'statement_id',
        message: given
          ? `${excerpt(id)} is also the id of row ${owner.row}: each statement needs its own.`
          : `The id this statement gets from its place, ${excerpt(id)}, is row ${owner.row}'s statement_id: give this row a statement_id of its own.`,
      });
    }
    owners.set(id, row);
    statements.push({ id, text: row.statement, level: levelled ? row.level : null, domain, source: row.source });
  }
  return statements;
}

/** Each source named in the sheet is credited wherever the framework is shown, in the order given. */
function attributionsOf(sources: readonly string[], file: string): Attribution[] {
  if (sources.length === 0) return [{ publisher: 'Source not given', text: 'The spreadsheet names no source for this framework.', licence: null, sourceFile: file }];
  return sources.map((publisher) => ({ publisher, text: '', licence: null, sourceFile: file }));
}

/** Problems in the order of the sheet's rows (a stable sort keeps each row's in column order); those of no row last. */
function byRow(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.row ?? Number.MAX_SAFE_INTEGER) - (b.row ?? Number.MAX_SAFE_INTEGER));
}
