import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { installStorageFaults, reloadWithFault } from './support-storage-fault.ts';
import { rate, startSurvey, visibleStatements } from './support-survey.ts';

let context: BrowserContext;
let foreign: string[];

beforeAll(async () => {
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  await installStorageFaults(context);
});
afterAll(async () => {
  await context?.close();
});

const checked = (page: Page, id: string, answer: Rating | null) => page.locator(`[data-name="${id}"] input[value="${answer === null ? 'na' : answer}"]`).isChecked();
const alertBanner = (page: Page) => page.getByRole('alert');

describe('a learner whose browser storage is full', () => {
  it('is told that the answer was not saved, and finds every earlier answer after a reload', async () => {
    const page = await context.newPage();
    await startSurvey(page, 'css-durable-skills');
    await rate(page, 'communication-01', 3);
    await rate(page, 'communication-02', null);
    await rate(page, 'communication-03', 4);
    await page.getByText(/Saved in this browser/).waitFor();
    await expect(alertBanner(page).count()).resolves.toBe(0);

    await reloadWithFault(page, { kind: 'full', after: 0 });
    await page.locator('[data-name="communication-03"]').waitFor();
    await rate(page, 'communication-04', 1);
    await expect(alertBanner(page).textContent()).resolves.toMatch(/Storage full\..*full.*not saved/);
    await expect(page.getByText('Your last answer was not saved.').isVisible()).resolves.toBe(true);
    await expect(page.getByText(/Saved in this browser/).count()).resolves.toBe(0);

    await reloadWithFault(page, null);
    await page.locator('[data-name="communication-03"]').waitFor();
    expect(await checked(page, 'communication-01', 3)).toBe(true);
    expect(await checked(page, 'communication-02', null)).toBe(true);
    expect(await checked(page, 'communication-03', 4)).toBe(true);
    await expect(alertBanner(page).count()).resolves.toBe(0);
    await page.close();
  });

  it('fills up part-way through: the answers saved before it filled are kept', async () => {
    const page = await context.newPage();
    await startSurvey(page, 'css-occupational');
    // Two more writes succeed, then the storage is full.
    await reloadWithFault(page, { kind: 'full', after: 2 });
    await page.locator('[data-name="emerging-01"]').waitFor();
    await rate(page, 'emerging-01', 2);
    await page.getByText(/Saved in this browser/).waitFor();
    await rate(page, 'emerging-02', 3);
    await rate(page, 'emerging-03', 4);
    await rate(page, 'emerging-04', 1);
    await alertBanner(page).waitFor();
    await expect(alertBanner(page).textContent()).resolves.toMatch(/Storage full/);

    await reloadWithFault(page, null);
    await page.locator('[data-name="emerging-01"]').waitFor();
    expect(await checked(page, 'emerging-01', 2)).toBe(true);
    await page.close();
  });

  it('completing while full keeps the survey and every answer, says so, and completes once space is back', async () => {
    const page = await context.newPage();
    const framework: Framework = builtinFramework('pipeline-it-support');
    await startSurvey(page, framework.id);
    const answers = new Map<string, Rating>();
    for (;;) {
      for (const id of await visibleStatements(page, framework)) {
        answers.set(id, 3);
        await rate(page, id, 3);
      }
      if (await page.getByRole('button', { name: 'Complete' }).isVisible()) break;
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByText(/Saved in this browser/).waitFor();

    await reloadWithFault(page, { kind: 'full', after: 0 });
    await page.getByRole('button', { name: 'Complete' }).click();
    await alertBanner(page).waitFor();
    await expect(alertBanner(page).textContent()).resolves.toMatch(/Storage full/);
    expect(page.url()).toContain(`#/assess/${framework.id}`);
    expect(await page.locator('.sd-question').count()).toBeGreaterThan(0);

    await reloadWithFault(page, null);
    const last = [...answers.keys()].at(-1) ?? '';
    await page.locator(`[data-name="${last}"]`).waitFor();
    expect(await checked(page, last, 3)).toBe(true);
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.waitForURL(/#\/profile\//);
    await page.close();
  });
});

describe('a learner whose browser refuses storage', () => {
  it('is told on the home page and on the survey, and loses nothing saved before', async () => {
    const page = await context.newPage();
    await startSurvey(page, 'css-ai-at-work');
    await rate(page, 'emerging-01', 4);
    await page.getByText(/Saved in this browser/).waitFor();

    await page.goto(appUrl('#/'));
    await reloadWithFault(page, { kind: 'refused' });
    await alertBanner(page).first().waitFor();
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await expect(alertBanner(page).allTextContents().then((all) => all.join(' '))).resolves.toMatch(/does not let Skillscope use its storage/);
    // The built-in frameworks are still offered.
    await expect(page.getByRole('heading', { level: 3 }).count()).resolves.toBe(6);

    await page.goto(appUrl('#/assess/css-ai-at-work'));
    await alertBanner(page).first().waitFor();
    const told = await alertBanner(page).allTextContents();
    expect(told.join(' ')).toMatch(/nothing you do now is saved/);

    await reloadWithFault(page, null);
    await page.locator('[data-name="emerging-01"]').waitFor();
    expect(await checked(page, 'emerging-01', 4)).toBe(true);
    await expect(page.getByLabel('Your name').count()).resolves.toBe(0);
    await page.close();
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
