import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseImport, importCasePackageText } from '../../src/core/case/import-case.ts';
import { loadBuiltinFrameworks } from '../../src/cli/load-builtin-frameworks.ts';
import { buildSelfSurvey } from '../../src/core/generate/self-survey.ts';
import { issueParts } from '../../src/core/model/result.ts';
import { caseV10Validator, caseV11Validator, schemaErrors } from '../core/case/case-schemas.ts';
import { testPackage } from '../core/case/case-package-builder.ts';
import { runCli } from '../support/run-cli.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { download, visibleStatements, waitForSurvey } from './support-survey.ts';

/**
 * Issue 11 in the app, as a user meets it: real CASE packages opened from a file, dropped or
 * pasted, what the importer assumed shown beside them, a package too large for one survey
 * offering its parts, hostile packages refused whole, and "Export as CASE" on the About page
 * giving the same bytes as `npm run export`.
 */

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'case');
const fixture = (name: string) => join(FIXTURES, name);
const WHAT_STANDARDS = 'opensalt-what-standards-could-be.json';
const DOK = 'sbac-depth-of-knowledge.json';
const TARGET_H = 'sbac-grade-3-math-target-h.json';
const ACT = 'opensalt-act-holistic-math.json';

let context: BrowserContext;
let page: Page;
let foreign: string[];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skillscope-case-e2e-'));
  context = await launchPersistentContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl()).origin });
  foreign = watchForeignRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

/** What core makes of a fixture: the reference each test holds the app to. */
function coreImport(name: string, subtree?: string): CaseImport {
  const read = importCasePackageText(readFileSync(fixture(name), 'utf8'), name, subtree === undefined ? {} : { subtree });
  if (!read.ok) throw new Error(`${name} does not import: ${read.issues.map((issue) => issue.message).join(' ')}`);
  return read.value;
}

/** The statement ids of a framework's first survey page, as the generator lays it out. */
function firstPage(imported: CaseImport): string[] {
  const survey = buildSelfSurvey(imported.framework) as { pages: { elements: { name: string }[] }[] };
  const ids = new Set(imported.framework.statements.map((s) => s.id));
  return (survey.pages.find((p) => p.elements.some((e) => ids.has(e.name)))?.elements ?? []).map((e) => e.name).filter((name) => ids.has(name));
}

const cardTitles = () => page.locator('.card h3').allTextContents();
const panel = () => page.getByRole('region', { name: 'Open a framework file' });
const openedBanner = (title: string) => panel().getByText(`Opened ${title}. It is listed above.`, { exact: true });
const assumptionsNote = () => page.getByRole('region', { name: 'How Skillscope read this CASE package' });

async function home(): Promise<void> {
  await page.goto(appUrl('#/'));
  await page.locator('.card h3').first().waitFor();
}

/** Drops a file on the "open a framework file" box, as a user drags one from their desktop. */
async function drop(name: string, content: string): Promise<void> {
  const transfer = await page.evaluateHandle(([fileName, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], fileName, { type: 'application/json' }));
    return data;
  }, [name, content] as const);
  await page.locator('.drop-zone').filter({ has: page.getByLabel('Framework file', { exact: true }) }).dispatchEvent('drop', { dataTransfer: transfer });
}

/** Pastes text into the "CASE package JSON" box as a user does: through the clipboard and Ctrl+V. */
async function paste(text: string): Promise<void> {
  const summary = panel().getByText('Paste a CASE package\'s JSON instead');
  const box = page.getByLabel('CASE package JSON');
  if (!(await box.isVisible())) await summary.click();
  await box.fill('');
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await box.focus();
  await page.keyboard.press('Control+V');
  await expect(box.inputValue()).resolves.toBe(text);
  await page.getByRole('button', { name: 'Open the pasted JSON' }).click();
}

async function shoot(name: string, locator: ReturnType<Page['getByRole']>): Promise<void> {
  // The picture's top is the section's (screenshots of a long page otherwise show its end).
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await locator.evaluate((node) => node.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}-${width}.png`), fullPage: false });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('opening a CASE package from a public repository and taking the survey', () => {
  it('opens OpenSALT\'s "What Standards Could Be" from the file control, lists it, and says what it assumed', async () => {
    const expected = coreImport(WHAT_STANDARDS);
    await home();
    const before = await cardTitles();
    await page.getByLabel('Framework file', { exact: true }).setInputFiles(fixture(WHAT_STANDARDS));
    await openedBanner(expected.framework.title).waitFor();
    await expect(cardTitles()).resolves.toEqual([...before, expected.framework.title]);
    await expect(assumptionsNote().getByRole('listitem').allTextContents()).resolves.toEqual(expected.assumptions);
    // What a reader of OpenSALT's file needs to know: the time zone and the flattened headings.
    await assumptionsNote().getByText('Times without a time zone were read as UTC.').waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot('case-assumptions', assumptionsNote());
  });

  it('takes the survey\'s first page: the first cluster\'s standards, as the package words them', async () => {
    const { framework } = coreImport(WHAT_STANDARDS);
    const expected = firstPage(coreImport(WHAT_STANDARDS));
    await page.getByRole('link', { name: `Start self-assessment: ${framework.title}` }).click();
    await waitForSurvey(page);
    await expect(visibleStatements(page, framework)).resolves.toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    for (const id of expected) {
      const text = framework.statements.find((s) => s.id === id)?.text ?? '';
      await expect(page.locator(`[data-name="${id}"]`).getByText(text, { exact: true }).count()).resolves.toBe(1);
    }
  });

  it('opens Smarter Balanced\'s Depth of Knowledge dropped on the box, by level, and starts at its first page', async () => {
    const expected = coreImport(DOK);
    await home();
    await drop(DOK, readFileSync(fixture(DOK), 'utf8'));
    await openedBanner(expected.framework.title).waitFor();
    await assumptionsNote().getByText(/^Levels: "Level 1: Recall and Reproduction" as emerging/).waitFor();
    await page.getByRole('link', { name: `Start self-assessment: ${expected.framework.title}` }).click();
    await waitForSurvey(page);
    await expect(visibleStatements(page, expected.framework)).resolves.toEqual(firstPage(expected));
  });
});

describe('a package too large for one survey', () => {
  it('shows ACT\'s part that fits, with its title, size and identifier, and nothing is opened yet', async () => {
    await home();
    const before = await cardTitles();
    await page.getByLabel('Framework file', { exact: true }).setInputFiles(fixture(ACT));
    const picker = page.getByRole('region', { name: `Pick a part of ${ACT}` });
    await picker.waitFor();
    await picker.getByText('This package is too large for one survey: 5 levels of headings (at most 4).', { exact: false }).waitFor();
    const parts = picker.getByRole('listitem');
    await expect(parts.count()).resolves.toBe(1);
    await expect(parts.first().textContent()).resolves.toContain('H.A.MATH.GM Geometry and Measurement');
    await expect(parts.first().textContent()).resolves.toContain('24 statements to rate, 28 items · identifier 3d8cdec5-83d6-49b4-9300-91a824c59758');
    // Focus lands on the choice, for a keyboard or screen-reader user.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Pick a part of ${ACT}`);
    await expect(cardTitles()).resolves.toEqual(before);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot('case-parts', picker);
  });

  it('opens the part picked, titled by package and part, as core imports that subtree', async () => {
    const expected = coreImport(ACT, '3d8cdec5-83d6-49b4-9300-91a824c59758');
    const before = await cardTitles();
    await page.getByRole('button', { name: 'Open this part: H.A.MATH.GM Geometry and Measurement' }).click();
    await openedBanner(expected.framework.title).waitFor();
    expect(expected.framework.title).toBe('ACT Holistic Framework, Math: Geometry and Measurement');
    await expect(cardTitles()).resolves.toEqual([...before, expected.framework.title]);
    await expect(page.getByRole('region', { name: `Pick a part of ${ACT}` }).count()).resolves.toBe(0);
    await expect(assumptionsNote().getByRole('listitem').allTextContents()).resolves.toEqual(expected.assumptions);
    await page.getByRole('link', { name: `Start self-assessment: ${expected.framework.title}` }).click();
    await waitForSurvey(page);
    await expect(visibleStatements(page, expected.framework)).resolves.toEqual(firstPage(expected));
  });
});

describe('a package with more parts than the list shows', () => {
  // 60 grades of 10 standards: 600 statements, so each grade is a part, and 20 are beyond the list.
  const wide = JSON.stringify(testPackage(Array.from({ length: 60 }, (_, g) => [
    { id: `grade-${g + 1}`, text: `Grade ${g + 1}`, code: `G${g + 1}`, sequence: g + 1 },
    ...Array.from({ length: 10 }, (_, k) => ({ id: `grade-${g + 1}-${k + 1}`, text: `Standard ${g + 1}.${k + 1}`, parent: `grade-${g + 1}`, sequence: k + 1 })),
  ]).flat()));

  it('finds a part beyond the first 40 by its title, and opens it', async () => {
    await home();
    await drop('wide.json', wide);
    const picker = page.getByRole('region', { name: 'Pick a part of wide.json' });
    await picker.getByText('60 parts fit one survey. The first 40 are listed; type more of a title to find the others.').waitFor();
    await expect(picker.getByRole('listitem').count()).resolves.toBe(40);
    await picker.getByLabel('Find a part by its title, code or identifier').fill('g57');
    await picker.getByText('1 part matches.').waitFor();
    const found = picker.getByRole('listitem');
    await expect(found.count()).resolves.toBe(1);
    await expect(found.locator('strong').textContent()).resolves.toBe('G57 Grade 57');
    await expect(found.textContent()).resolves.toContain('10 statements to rate, 11 items · identifier grade-57');
    await expect(axeViolations(page)).resolves.toEqual([]);
    await picker.getByRole('button', { name: 'Open this part: G57 Grade 57' }).click();
    await openedBanner('Test Framework: Grade 57').waitFor();
  });
});

describe('pasted JSON', () => {
  it('opens a package pasted into the box, as from a CASE server\'s API', async () => {
    const expected = coreImport(TARGET_H);
    await home();
    const before = await cardTitles();
    await paste(readFileSync(fixture(TARGET_H), 'utf8'));
    await openedBanner(expected.framework.title).waitFor();
    await expect(cardTitles()).resolves.toEqual([...before, expected.framework.title]);
    await expect(assumptionsNote().getByRole('listitem').allTextContents()).resolves.toEqual(expected.assumptions);
    await expect(page.getByLabel('CASE package JSON').inputValue()).resolves.toBe('');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});

describe('a hostile package is refused whole with a clear message, and nothing is added', () => {
  const refusal = () => page.getByRole('alert').filter({ hasText: 'This file cannot be opened.' });

  it('refuses pasted JSON with a key twice, naming the key\'s path', async () => {
    await home();
    const before = await cardTitles();
    const doubled = '{"CFDocument": {"identifier": "d1", "title": "Shown"}, "CFItems": [], "CFDocument": {"identifier": "d2", "title": "Counted"}}';
    await paste(doubled);
    await refusal().waitFor();
    const items = await refusal().getByRole('listitem').allTextContents();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(/^pasted JSON, row 1, CFDocument: The key "CFDocument" appears more than once in the same object/);
    await expect(cardTitles()).resolves.toEqual(before);
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('refuses a dropped package whose isChildOf links go round in a cycle, naming the items', async () => {
    const cycle = JSON.stringify(testPackage([
      { id: 'fine', text: 'A statement that is fine' },
      { id: 'a', text: 'Alpha', parent: 'b' },
      { id: 'b', text: 'Beta', parent: 'c' },
      { id: 'c', text: 'Gamma', parent: 'a' },
    ]));
    const core = importCasePackageText(cycle, 'cycle.json');
    expect(core.ok).toBe(false);
    await home();
    const before = await cardTitles();
    await drop('cycle.json', cycle);
    await refusal().waitFor();
    const expected = core.ok ? [] : core.issues.map((issue) => { const { where, path, message } = issueParts(issue); return `${[where, path].filter((p) => p !== '').join(', ')}: ${message}`; });
    await expect(refusal().getByRole('listitem').allTextContents()).resolves.toEqual(expected);
    expect(expected.join(' ')).toMatch(/Alpha.*Beta.*Gamma|cycle/);
    await expect(cardTitles()).resolves.toEqual(before);
  });
});

/** A built-in framework's title, as `npm run export` reads it. */
function builtinTitle(id: string): string {
  const builtin = loadBuiltinFrameworks();
  const title = builtin.ok ? builtin.value.find((framework) => framework.id === id)?.title : undefined;
  if (title === undefined) throw new Error(`no built-in framework ${id}`);
  return title;
}

describe('Export as CASE on the About page', () => {
  const cliExport = (framework: string, version: '1.1' | '1.0', out: string) => {
    const run = runCli('export', ['--framework', framework, '--format', 'case', '--case-version', version, '--out', out]);
    if (run.status !== 0) throw new Error(run.stderr);
    return readFileSync(out);
  };

  it('downloads <framework-id>.case.json that passes the official CASE 1.1 schema and equals npm run export\'s bytes', async () => {
    await page.goto(appUrl('#/about/css-durable-skills'));
    await page.getByRole('heading', { level: 1, name: builtinTitle('css-durable-skills') }).waitFor();
    const section = page.getByRole('region', { name: 'Export as CASE' });
    await section.waitFor();
    const path = await download(page, section.getByRole('button', { name: 'Export as CASE' }), dir);
    expect(path.endsWith('css-durable-skills.case.json')).toBe(true);
    const bytes = readFileSync(path);
    const validate = caseV11Validator();
    const valid = validate(JSON.parse(bytes.toString('utf8')));
    expect(schemaErrors(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
    expect(bytes.equals(cliExport('css-durable-skills', '1.1', join(dir, 'cli-durable.json')))).toBe(true);
    await section.getByText('Downloaded css-durable-skills.case.json: 84 statements as a CASE 1.1 package.').waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot('about-export-case', section);
  });

  it('offers CASE 1.0 too, for SCQF, with the same bytes as npm run export -- --case-version 1.0', async () => {
    await page.goto(appUrl('#/about/scqf-it-support'));
    await page.getByRole('heading', { level: 1, name: builtinTitle('scqf-it-support') }).waitFor();
    const section = page.getByRole('region', { name: 'Export as CASE' });
    await section.getByLabel('CASE version').selectOption('1.0');
    const path = await download(page, section.getByRole('button', { name: 'Export as CASE' }), dir);
    expect(path.endsWith('scqf-it-support.case-1.0.json')).toBe(true);
    const bytes = readFileSync(path);
    const validate = caseV10Validator();
    validate(JSON.parse(bytes.toString('utf8')));
    expect(schemaErrors(validate.errors)).toEqual([]);
    expect(bytes.equals(cliExport('scqf-it-support', '1.0', join(dir, 'cli-scqf.json')))).toBe(true);
  });

  it('exports a framework opened from a CASE package as npm run export writes the same package', async () => {
    const { framework } = coreImport(WHAT_STANDARDS);
    await page.goto(appUrl(`#/about/${framework.id}`));
    await page.getByRole('heading', { level: 1, name: framework.title }).waitFor();
    const section = page.getByRole('region', { name: 'Export as CASE' });
    const path = await download(page, section.getByRole('button', { name: 'Export as CASE' }), dir);
    const bytes = readFileSync(path);
    const validate = caseV11Validator();
    validate(JSON.parse(bytes.toString('utf8')));
    expect(schemaErrors(validate.errors)).toEqual([]);
    // The package keeps the name of the file it came from: run the command beside a copy of that name.
    writeFileSync(join(dir, WHAT_STANDARDS), readFileSync(fixture(WHAT_STANDARDS)));
    const run = spawnSync(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(process.cwd(), 'src', 'cli', 'export.ts'), '--framework', WHAT_STANDARDS, '--format', 'case', '--out', 'cli-what.json'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(bytes.equals(readFileSync(join(dir, 'cli-what.json')))).toBe(true);
  });

  it('made no request outside the app', () => {
    expect(foreign).toEqual([]);
  });
});
