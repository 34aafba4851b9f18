import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onetExport, onetExportText } from '../fixtures/onet-export.ts';
import { appUrl, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { waitForSurvey } from './support-survey.ts';

/** Text a framework file could carry to run script, inject markup or mislead: all of it must show as typed. */
const HOSTILE = {
  emerging: ['<img src=x onerror="window.__pwned=1"> Resets passwords', '<script>window.__pwned=1</script> Logs tickets'],
  developing: ['**bold** [link](javascript:alert(1)) Writes guides', '=HYPERLINK("https://evil.example/","click") +1 -2 @SUM(A1) {pagecount} {rater_group} {emerging-01}'],
  proficient: ['\u202Egnp.exe\u202C Configures routers \u0627\u0644\u0634\u0628\u0643\u0629', 'Patches\u200B servers\u200D on\uFEFF time'],
  advanced: ['<a href="javascript:window.__pwned=1">Leads</a> {learner} ${window.__pwned=1} {{x}}', '<iframe src="javascript:window.__pwned=1"></iframe> Mentors'],
};
const HOSTILE_TITLE = '<b onmouseover="window.__pwned=1">Hostile</b> Network Technicians';
const HOSTILE_ID = 'onet-15-1299-09';

let context: BrowserContext;
let foreign: string[];
let page: Page;
const files = mkdtempSync(join(tmpdir(), 'skillscope-hostile-'));

function fileOf(name: string, text: string): string {
  const path = join(files, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
const frameworkTitles = () => page.getByRole('heading', { level: 3 }).allTextContents();

async function openFrameworkFile(path: string) {
  await page.getByLabel('Framework file', { exact: true }).setInputFiles(path);
}

describe('a framework file with hostile text, opened from the home page', () => {
  it('is listed with its title shown as typed, and runs nothing', async () => {
    await page.goto(appUrl('#/'));
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    const before = await frameworkTitles();
    await openFrameworkFile(fileOf('hostile.json', onetExportText({ soc: '15-1299.09', title: HOSTILE_TITLE, statements: HOSTILE })));
    await page.getByText(/^Opened .* It is listed above\.$/).waitFor();
    await expect(frameworkTitles()).resolves.toEqual([...before, HOSTILE_TITLE]);
    await expect(page.locator('b[onmouseover]').count()).resolves.toBe(0);
    await expect(pwned()).resolves.toBeUndefined();
  });

  it('shows every statement literally in its survey, and runs nothing', async () => {
    await page.getByRole('link', { name: `Start self-assessment: ${HOSTILE_TITLE}` }).click();
    await waitForSurvey(page);
    const seen: string[] = [];
    for (const [level, statements] of Object.entries(HOSTILE)) {
      for (const [index, text] of statements.entries()) {
        const question = page.locator(`[data-name="${level}-0${index + 1}"]`);
        await question.waitFor();
        const shown = (await question.locator('.sd-question__title').innerText()).replace(/\s+/g, ' ');
        seen.push(shown);
        expect(shown, `${level}-0${index + 1}`).toContain(text.replace(/\s+/g, ' '));
      }
      if (level !== 'advanced') {
        // Nothing is answered here: the survey says so, and the test goes on on purpose.
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByRole('button', { name: /^Go on to / }).click();
      }
    }
    expect(seen).toHaveLength(8);
    await expect(page.locator('.sd-question img, .sd-question script, .sd-question iframe, .sd-question a[href^="javascript"], .sd-question strong').count()).resolves.toBe(0);
    await expect(pwned()).resolves.toBeUndefined();
  });

  it('shows every statement literally on its about page, and runs nothing', async () => {
    await page.goto(appUrl(`#/about/${HOSTILE_ID}`));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(HOSTILE_TITLE);
    const items = await page.locator('main ol > li').allTextContents();
    for (const text of Object.values(HOSTILE).flat()) expect(items.some((item) => item.includes(text)), text).toBe(true);
    await expect(page.locator('main img, main iframe, main a[href^="javascript"]').count()).resolves.toBe(0);
    await expect(pwned()).resolves.toBeUndefined();
  });
});

describe('the rater survey of the hostile framework, opened from an invitation link', () => {
  it('shows every statement literally, and runs nothing', async () => {
    await page.goto(appUrl(`#/invite/${HOSTILE_ID}`));
    await page.getByRole('heading', { name: /Invite raters/ }).waitFor();
    await page.getByLabel('Peers', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Create 1 link' }).click();
    const link = await page.locator('input.link-box').first().inputValue();
    const rater = await context.newPage();
    await rater.goto(link);
    await rater.locator('.sd-question').first().waitFor();
    // The survey still names the learner where the app means it to.
    await expect(rater.locator('.sd-question__title').first().innerText()).resolves.toContain('Ana Ruiz');
    await rater.getByRole('button', { name: 'Next' }).click();
    const first = rater.locator('[data-name="emerging-01"] .sd-question__title');
    await first.waitFor();
    const texts: string[] = [];
    for (const [level, statements] of Object.entries(HOSTILE)) {
      for (const [index, text] of statements.entries()) {
        const shown = (await rater.locator(`[data-name="${level}-0${index + 1}"] .sd-question__title`).innerText()).replace(/\s+/g, ' ');
        texts.push(shown);
        expect(shown, `${level}-0${index + 1} for a rater`).toContain(text.replace(/\s+/g, ' '));
      }
      if (level !== 'advanced') {
        await rater.getByRole('button', { name: 'Next' }).click();
        await rater.getByRole('button', { name: /^Go on to / }).click();
      }
    }
    expect(texts).toHaveLength(8);
    await expect(rater.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    await rater.close();
  });
});

describe('a malformed framework file', () => {
  async function expectRefused(name: string, text: string, where: RegExp, what: RegExp): Promise<string[]> {
    await page.goto(appUrl('#/'));
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    const before = await frameworkTitles();
    await openFrameworkFile(fileOf(name, text));
    const alert = page.getByRole('alert').filter({ hasText: 'This file cannot be opened.' });
    await alert.waitFor();
    const problems = await alert.locator('li').allTextContents();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((problem) => problem.startsWith(name) && where.test(problem) && what.test(problem)), problems.join('\n')).toBe(true);
    await expect(frameworkTitles()).resolves.toEqual(before);
    await page.reload();
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await expect(frameworkTitles()).resolves.toEqual(before);
    return problems;
  }

  it('that is not JSON shows the file, the place and the problem, and changes nothing stored', async () => {
    await expectRefused('broken.json', '{"schemaVersion": "1.0", "occupation": {"soc": "15-1244.00",', /row \d+|line \d+|position \d+|column \d+/i, /JSON/i);
  });

  it('whose statements are not a list lists the level, and changes nothing stored', async () => {
    const export_ = onetExport({ soc: '15-1299.08', title: 'Half-broken Technicians' });
    const levels = export_.framework.levels as Record<string, { label: string; statements: unknown }>;
    if (levels.developing) levels.developing.statements = 'Writes guides';
    if (levels.advanced) levels.advanced.statements = { first: 'Mentors' };
    const problems = await expectRefused('not-a-list.json', JSON.stringify(export_), /framework\.levels\.developing/, /statements|list|array/i);
    expect(problems.join('\n')).toMatch(/framework\.levels\.advanced/);
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
