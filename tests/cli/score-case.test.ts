import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCasePackageText } from '../../src/core/case/import-case.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { runCli } from '../support/run-cli.ts';

/**
 * Issue 11, "Responses that travel": ratings of a framework opened from a CASE package name the
 * CASE item each statement came from, in responses-long.csv and statements.csv, so a district
 * can join them back to its CASE items. The package is a real one (tests/fixtures/case/SOURCES.md).
 */

const PACKAGE = join(import.meta.dirname, '..', 'fixtures', 'case', 'opensalt-what-standards-could-be.json');

let dir = '';
let framework: Framework;
let status: number | null = null;
let stderr = '';
const rows = (name: string) => Papa.parse<Record<string, string>>(readFileSync(join(dir, 'out', name), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

beforeAll(() => {
  const opened = importCasePackageText(readFileSync(PACKAGE, 'utf8'), 'package.json');
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  framework = opened.value.framework;
  dir = mkdtempSync(join(tmpdir(), 'skillscope-score-case-'));
  const answers = Object.fromEntries(framework.statements.map((statement, index) => [statement.id, (index % 4) + 1]));
  writeFileSync(join(dir, 'self.json'), JSON.stringify({
    format: 'skillscope-response', version: 1, response_id: 'ana-self', framework_id: framework.id, survey_id: `${framework.id}.self`,
    subject_id: 'ana', rater_group: 'self', submitted_at: '2026-11-29T10:00:00Z', answers, comments: {},
  }));
  ({ status, stderr } = runCli('score', [join(dir, 'self.json'), '--framework', PACKAGE, '--out', join(dir, 'out')]));
});

describe('npm run score with a framework from a CASE package', () => {
  it('scores the responses', () => {
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it("writes each statement's CASE item URI in responses-long.csv, as the package gives it", () => {
    const expected = framework.statements.map((statement) => [statement.id, statement.caseItem?.uri]);
    expect(expected.every(([, uri]) => typeof uri === 'string' && uri.length > 0)).toBe(true);
    expect(rows('responses-long.csv').map((row) => [row.statement_id, row.case_item_uri])).toEqual(expected);
  });

  it('writes the same URIs in statements.csv', () => {
    expect(rows('statements.csv').map((row) => [row.statement_id, row.case_item_uri])).toEqual(framework.statements.map((statement) => [statement.id, statement.caseItem?.uri]));
  });
});
