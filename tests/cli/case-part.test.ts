import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCasePackageText } from '../../src/core/case/import-case.ts';
import { runCli } from '../support/run-cli.ts';

/**
 * A CASE package too large for one survey (5 levels of headings; the real ACT package of
 * tests/fixtures/case/SOURCES.md) is refused with its parts listed; --case-part reads one of them,
 * as the app's part picker does.
 */
const PACKAGE = join(import.meta.dirname, '..', 'fixtures', 'case', 'opensalt-act-holistic-math.json');
const PART = '3d8cdec5-83d6-49b4-9300-91a824c59758';
const temp = () => mkdtempSync(join(tmpdir(), 'skillscope-case-part-'));

function partFramework() {
  const opened = importCasePackageText(readFileSync(PACKAGE, 'utf8'), 'package.json', { subtree: PART });
  if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
  return opened.value.framework;
}

describe('a CASE package too large for one survey, on the command line', () => {
  it('is refused by npm run generate with its parts listed and how to pick one', () => {
    const dir = temp();
    const run = runCli('generate', [PACKAGE, '--out', join(dir, 'out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('This package is too large for one survey: 5 levels of headings (at most 4).');
    expect(run.stderr).toContain('Give one part\'s identifier with --case-part IDENTIFIER. [case.too-large]');
    expect(run.stderr).toContain(`${PART}: Part "H.A.MATH.GM Geometry and Measurement": 28 items, 24 statements to rate. [case.subtree]`);
  });

  it('gives the surveys of the part named with --case-part', () => {
    const dir = temp();
    const run = runCli('generate', [PACKAGE, '--case-part', PART, '--out', dir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const id = partFramework().id;
    expect(readdirSync(dir).sort()).toEqual([`${id}.360.json`, `${id}.self.json`]);
    const survey = JSON.parse(readFileSync(join(dir, `${id}.self.json`), 'utf8')) as { pages: { elements: { name: string }[] }[] };
    const names = survey.pages.flatMap((page) => page.elements.map((element) => element.name));
    expect(partFramework().statements.every((statement) => names.includes(statement.id))).toBe(true);
  });

  it('scores responses of that part with npm run score --framework PACKAGE --case-part', () => {
    const dir = temp();
    const framework = partFramework();
    const answers = Object.fromEntries(framework.statements.map((statement) => [statement.id, 3]));
    writeFileSync(join(dir, 'self.json'), JSON.stringify({
      format: 'skillscope-response', version: 1, response_id: 'ana-self', framework_id: framework.id, survey_id: `${framework.id}.self`,
      subject_id: 'ana', rater_group: 'self', submitted_at: '2026-11-29T10:00:00Z', answers, comments: {},
    }));
    const run = runCli('score', [join(dir, 'self.json'), '--framework', PACKAGE, '--case-part', PART, '--out', join(dir, 'out'), '--only', 'summary']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'summary.csv'), 'utf8')).toContain(`ana,${framework.id},framework,all,self,1,${framework.statements.length},3,66.7,0,`);
  });

  it('starts a confidential 360 campaign on that part with npm run coach -- campaign --case-part', () => {
    const dir = temp();
    expect(runCli('coach', ['keygen', '--out', join(dir, 'coach.key')]).status).toBe(0);
    const campaign = (part: string[]) =>
      runCli('coach', ['campaign', '--framework', PACKAGE, ...part, '--learner', 'Ana Ruiz', '--groups', 'peer=3', '--key', join(dir, 'coach.key'), '--out', join(dir, `campaign${part.length}`)]);
    const whole = campaign([]);
    expect(whole.status).toBe(1);
    expect(whole.stderr).toContain('--case-part IDENTIFIER. [case.too-large]');
    const made = campaign(['--case-part', PART]);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(readdirSync(join(dir, 'campaign2')).sort()).toEqual(['invitations.csv', 'manifest.jws']);
  });

  it('says when the identifier names no item of the package, and writes nothing', () => {
    const dir = temp();
    const run = runCli('generate', [PACKAGE, '--case-part', 'no-such-item', '--out', join(dir, 'out')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('The package has no item with the identifier "no-such-item" to import on its own. [case.unknown-subtree]');
    expect(() => readdirSync(join(dir, 'out'))).toThrow();
  });

  it('is a usage mistake without a package to pick from', () => {
    expect(runCli('generate', ['--case-part', PART])).toMatchObject({ status: 2, stderr: expect.stringContaining('--case-part picks a part of a CASE package: name the package file.') });
    const score = runCli('score', ['responses.csv', '--out', 'out', '--case-part', PART]);
    expect(score.status).toBe(2);
    expect(score.stderr).toContain('--case-part picks a part of a CASE package: give the package with --framework FILE.');
  });
});
