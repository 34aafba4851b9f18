import { join } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';

let context: BrowserContext;
let foreign: string[];

beforeAll(async () => {
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
});
afterAll(async () => {
  await context?.close();
});

/** Clicks a rating by its visible label inside the question of a statement id. */
async function rate(page: Page, statementId: string, label: string) {
  await page.locator(`[data-name="${statementId}"]`).getByText(label, { exact: true }).click();
}

async function startSurvey(page: Page, frameworkId: string) {
  await page.goto(appUrl(`#/assess/${frameworkId}`));
  const name = page.getByLabel('Your name');
  await name.or(page.locator('.sd-question').first()).waitFor();
  if (await name.isVisible()) {
    await name.fill('Ana Ruiz');
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.locator('.sd-question').first().waitFor();
}

describe('a learner rating themself on css-durable-skills', () => {
  it('resumes on the same page with every answer after a reload', async () => {
    const page = await context.newPage();
    await startSurvey(page, 'css-durable-skills');
    await rate(page, 'communication-01', 'Independently');
    await rate(page, 'communication-02', 'Not part of my role');
    await page.getByRole('textbox').last().fill('I explain well');
    await page.getByRole('button', { name: 'Next' }).click();
    await rate(page, 'leadership-01', 'With support');
    await page.getByText(/Saved in this browser/).waitFor();

    await page.reload();
    await page.locator('[data-name="leadership-01"]').waitFor();
    await expect(page.locator('[data-name="leadership-01"] input[value="2"]').isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page.locator('[data-name="communication-01"] input[value="3"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('[data-name="communication-02"] input[value="na"]').isChecked()).resolves.toBe(true);
    await expect(page.getByRole('textbox').last().inputValue()).resolves.toBe('I explain well');
    await page.close();
  });

  it('resumes in a new tab after the tab was closed, and leaves another framework untouched', async () => {
    const first = await context.newPage();
    await startSurvey(first, 'css-occupational');
    await rate(first, 'emerging-01', 'Consistently, and can guide others');
    await first.getByText(/Saved in this browser/).waitFor();
    await first.close();

    const second = await context.newPage();
    await startSurvey(second, 'css-durable-skills');
    // The first test went back to page 1 last, so that is where it resumes.
    await expect(second.locator('[data-name="communication-01"] input[value="3"]').isChecked()).resolves.toBe(true);
    await startSurvey(second, 'css-occupational');
    await expect(second.locator('[data-name="emerging-01"] input[value="4"]').isChecked()).resolves.toBe(true);
    await second.close();
  });

  it('shows the sources on the first page one a line, as the About page does', async () => {
    const page = await context.newPage();
    await startSurvey(page, 'css-durable-skills');
    await page.getByRole('button', { name: 'Previous' }).or(page.locator('[data-name="communication-01"]')).first().waitFor();
    if (await page.getByRole('button', { name: 'Previous' }).isVisible()) await page.getByRole('button', { name: 'Previous' }).click();
    await page.locator('[data-name="communication-01"]').waitFor();
    const lines = (await page.locator('.sd-page__description').innerText()).split('\n').map((line) => line.trim()).filter((line) => line !== '');
    const sources = lines.filter((line) => line.includes('Source:'));
    expect(sources.map((line) => line.match(/Source:/g)?.length)).toEqual([1, 1, 1]);
    expect(sources.every((line) => line.startsWith('Source: '))).toBe(true);
    expect(sources[1]).toBe('Source: O*NET Resource Center — Occupational Information Network, v30.2 (Sept 2025), CC BY 4.0');
    await page.close();
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});

/** axe-core's findings, as lines a person can act on. */
async function violations(on: Page): Promise<string[]> {
  return (await axeViolations(on)).flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}`));
}

const progressText = (page: Page) => page.locator('.sd-progress > .sd-progress__text').innerText();

describe('a learner who leaves statements unanswered on css-ai-at-work (13 statements, 4 pages)', () => {
  let page: Page;
  const check = () => page.locator('.answer-check');

  it('is stopped by Next on a page with nothing answered, told why, and goes on on purpose', async () => {
    page = await context.newPage();
    await startSurvey(page, 'css-ai-at-work');
    await page.getByRole('button', { name: 'Next' }).click();
    const heading = page.getByRole('heading', { name: 'Nothing answered on Emerging' });
    await heading.waitFor();
    // Still on the first page, and the message has the focus, so a keyboard user hears it.
    await expect(page.locator('[data-name="emerging-01"]').isVisible()).resolves.toBe(true);
    await expect(heading.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    await expect(check().innerText()).resolves.toContain('A statement you leave unanswered is left out of your profile. Answers are optional, and "Not part of my role" is an answer too.');
    await expect(violations(page)).resolves.toEqual([]);
    await check().screenshot({ path: join(SCREENSHOTS_DIR, 'survey-nothing-answered-1280.png') });

    await page.getByRole('button', { name: 'Go on to Developing' }).click();
    await page.locator('[data-name="developing-01"]').waitFor();
    await expect(check().count()).resolves.toBe(0);
  });

  it('asks once per page: back and Next again moves on, and a page with an answer moves on without a word', async () => {
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.locator('[data-name="emerging-01"]').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-name="developing-01"]').waitFor();
    await rate(page, 'developing-01', 'Independently');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-name="proficient-01"]').waitFor();
    await expect(check().count()).resolves.toBe(0);
  });

  it('counts answers in the progress bar, not pages, N/A included, and names the page', async () => {
    await expect(progressText(page)).resolves.toBe('Proficient · page 3 of 4 · 1 of 13 statements answered');
    await rate(page, 'proficient-01', 'Not part of my role');
    await expect.poll(() => progressText(page)).toBe('Proficient · page 3 of 4 · 2 of 13 statements answered');
    // 2 of 13 answered: the bar is 15 % long, where a bar of pages would stand at 50 %.
    await expect(page.locator('.sd-progress__bar').evaluate((bar) => (bar as HTMLElement).style.width)).resolves.toBe('15%');
  });

  it('lists before Complete how many statements are unanswered, with a button to each page that has some', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-name="advanced-01"]').waitFor();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('heading', { name: '11 of 13 statements are unanswered' }).waitFor();
    expect(page.url()).toContain('#/assess/css-ai-at-work');
    const items = await check().getByRole('listitem').allInnerTexts();
    expect(items).toEqual(['Emerging: 2 of 2 unanswered', 'Developing: 2 of 3 unanswered', 'Proficient: 3 of 4 unanswered', 'Advanced: 4 of 4 unanswered']);
    await expect(check().innerText()).resolves.toContain('Your profile would rest on the 2 statements you answered: unanswered ones are left out of every figure.');
    await expect(violations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'survey-unanswered-1280.png'), fullPage: true });

    // The page's button opens it at its first unanswered statement.
    await check().getByRole('button', { name: 'Emerging' }).click();
    await page.locator('[data-name="emerging-01"]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-name]')?.getAttribute('data-name'))).toBe('emerging-01');
    await expect(check().count()).resolves.toBe(0);
    await rate(page, 'emerging-01', 'With support');
    await rate(page, 'emerging-02', 'Not yet');
  });

  it('completes with statements unanswered when the learner says so', async () => {
    for (const next of ['developing-01', 'proficient-01', 'advanced-01']) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator(`[data-name="${next}"]`).waitFor();
    }
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('heading', { name: '9 of 13 statements are unanswered' }).waitFor();
    await expect(check().getByRole('listitem').allInnerTexts()).resolves.toEqual(['Developing: 2 of 3 unanswered', 'Proficient: 3 of 4 unanswered', 'Advanced: 4 of 4 unanswered']);
    await page.getByRole('button', { name: 'Complete with 9 unanswered' }).click();
    await page.waitForURL(/#\/profile\//);
    await page.close();
  });
});

describe('the survey on a phone, 375 px wide', () => {
  it("names the current page in full in the progress bar, above the page's title, never cut off", async () => {
    const framework = builtinFramework('it-generalist');
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await startSurvey(page, framework.id);
    const title = framework.domains[0]?.title ?? '';
    expect(title.length).toBeGreaterThan(80);
    await expect(progressText(page)).resolves.toBe(`${title} · page 1 of 7 · 0 of 45 statements answered`);

    const text = page.locator('.sd-progress > .sd-progress__text');
    const box = await text.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await expect(text.evaluate((node) => node.scrollWidth <= node.clientWidth && getComputedStyle(node).textOverflow !== 'ellipsis')).resolves.toBe(true);
    // It takes its own lines: the page's title starts below it, not under it.
    const heading = await page.locator('.sd-page__title').first().boundingBox();
    expect(box && heading && box.y + box.height <= heading.y).toBe(true);
    await expect(violations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'survey-progress-375.png') });
    await page.close();
  });
});

describe('a learner who completes while the page cannot load the code that saves a self-assessment (offline)', () => {
  it('is told why, keeps every answer, and completes once the connection is back', async () => {
    const page = await context.newPage();
    // The saving code is fetched once the survey is idle on screen: here every fetch of it fails.
    const saving = /save-self-response[^/]*\.js$/;
    const offline = (route: Route) => route.abort('internetdisconnected');
    await page.route(saving, offline);
    await startSurvey(page, 'css-ai-at-work');
    for (const [statement, next] of [['emerging-01', 'developing-01'], ['developing-01', 'proficient-01'], ['proficient-01', 'advanced-01']] as const) {
      await rate(page, statement, 'Independently');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.locator(`[data-name="${next}"]`).waitFor();
    }
    await rate(page, 'advanced-01', 'With support');
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByRole('button', { name: 'Complete with 9 unanswered' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'could not load the part of Skillscope that saves' });
    await expect(alert.innerText()).resolves.toMatch(/^Your answers are kept.*Check your connection, then press Complete again\.$/s);
    expect(page.url()).toMatch(/#\/assess\/css-ai-at-work$/);
    await expect(page.locator('[data-name="advanced-01"] input[value="2"]').isChecked()).resolves.toBe(true);

    // The unanswered statements were confirmed already: Complete now completes.
    await page.unroute(saving, offline);
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.waitForURL(/#\/profile\/css-ai-at-work/);
    await page.close();
  });
});
