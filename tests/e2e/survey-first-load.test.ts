import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { appUrl, baseUrl, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { rate, startSurvey } from './support-survey.ts';

/**
 * Issue 13: the survey a tab opens on is read before the app's first render (the learner, the
 * saved answers, the survey's model), so that render shows it at once. What was read then serves
 * that one render only: these tests check that it is never shown stale, that an answer given
 * the moment the survey appears is saved, and that storage held by an older tab is told to the
 * learner instead of leaving the page blank.
 */

let context: BrowserContext | undefined;
let foreign: string[] = [];

async function freshBrowser(): Promise<BrowserContext> {
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  return context;
}

afterEach(async () => {
  expect(foreign).toEqual([]);
  await context?.close();
  context = undefined;
});

const checked = (page: Page, statementId: string, value: string) => page.locator(`[data-name="${statementId}"] input[value="${value}"]`).isChecked();

describe('the survey a tab opens on', () => {
  it('shows the answers given since it opened when the learner comes back to it in the same tab, and after a reload', async () => {
    const page = await (await freshBrowser()).newPage();
    await startSurvey(page, 'css-durable-skills');
    await rate(page, 'communication-01', 3);
    await page.getByText(/Saved in this browser/).waitFor();

    // Opened from its address: read before the first render.
    await page.goto(appUrl('#/assess/css-durable-skills'));
    await page.reload();
    await page.locator('[data-name="communication-01"]').waitFor();
    expect(await checked(page, 'communication-01', '3')).toBe(true);
    await rate(page, 'communication-02', 4);
    await page.getByText(/Saved in this browser/).waitFor();

    // Away and back within the tab: read again, not what the first render was given.
    await page.getByRole('link', { name: 'Frameworks' }).click();
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await page.goto(appUrl('#/assess/css-durable-skills'));
    await page.locator('[data-name="communication-02"]').waitFor();
    expect(await checked(page, 'communication-01', '3')).toBe(true);
    expect(await checked(page, 'communication-02', '4')).toBe(true);
    await rate(page, 'communication-02', 1);
    await page.getByText(/Saved in this browser/).waitFor();

    await page.reload();
    await page.locator('[data-name="communication-02"]').waitFor();
    expect(await checked(page, 'communication-02', '1')).toBe(true);
    expect(await checked(page, 'communication-01', '3')).toBe(true);
  });

  it('saves an answer given the moment the survey appears', async () => {
    const page = await (await freshBrowser()).newPage();
    await startSurvey(page, 'css-ai-at-work');
    await page.reload();
    // No wait for anything else: the first rating that can be clicked is clicked.
    await rate(page, 'emerging-01', 2);
    await page.getByText(/Saved in this browser/).waitFor();
    await page.reload();
    await page.locator('[data-name="emerging-01"]').waitFor();
    expect(await checked(page, 'emerging-01', '2')).toBe(true);
  });

  it('asks a new learner for their name at once, and opens the survey after it', async () => {
    const page = await (await freshBrowser()).newPage();
    await page.goto(appUrl('#/assess/css-durable-skills'));
    await page.getByLabel('Your name').fill('Bo Lind');
    await page.getByRole('button', { name: 'Continue' }).click();
    await rate(page, 'communication-01', 2);
    await page.getByText(/Saved in this browser/).waitFor();
    await page.reload();
    await page.locator('[data-name="communication-01"]').waitFor();
    expect(await checked(page, 'communication-01', '2')).toBe(true);
    await expect(page.getByLabel('Your name').count()).resolves.toBe(0);
  });

  it('says so while an older tab holds the storage, and opens the survey once that tab is closed', async () => {
    const browser = await freshBrowser();
    // A tab of the first Skillscope (its version 1 database, empty), which never lets go of its connection.
    const blank = `${baseUrl()}__older.html`;
    await browser.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>older</title>' }));
    const older = await browser.newPage();
    await older.goto(blank);
    await older.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('skillscope', 1);
      open.onupgradeneeded = () => {
        const created = open.result;
        created.createObjectStore('drafts', { keyPath: 'key' });
        created.createObjectStore('responses', { keyPath: 'responseId' }).createIndex('bySubject', ['subjectId', 'frameworkId']);
        created.createObjectStore('frameworks', { keyPath: 'id' });
        created.createObjectStore('settings');
      };
      open.onsuccess = () => {
        (window as unknown as { held: IDBDatabase }).held = open.result;
        resolve();
      };
      open.onerror = () => reject(open.error);
    }));

    const page = await browser.newPage();
    await page.goto(appUrl('#/assess/css-durable-skills'));
    await page.getByRole('alert').filter({ hasText: /open in another tab that runs an older version/ }).waitFor();
    await expect(page.getByRole('heading', { name: 'Skillscope' }).or(page.getByRole('link', { name: 'Skillscope' })).count()).resolves.toBeGreaterThan(0);

    await older.close();
    await page.getByLabel('Your name').fill('Ana Ruiz');
    await page.getByRole('button', { name: 'Continue' }).click();
    await rate(page, 'communication-01', 4);
    await page.getByText(/Saved in this browser/).waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });
});
