import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, launchPersistentContext, watchForeignRequests } from './browser.ts';

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

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
