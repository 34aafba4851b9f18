import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { launchPersistentContext } from './browser.ts';
import { finishSurvey, startSurvey } from './support-survey.ts';

const framework = builtinFramework('css-ai-at-work');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  context = await launchPersistentContext();
  page = await context.newPage();
  await startSurvey(page, framework.id);
  await finishSurvey(page, framework, (id) => (id.startsWith('advanced') ? 2 : 3));
  await page.locator('canvas').first().waitFor();
  await page.emulateMedia({ media: 'print' });
});
afterAll(async () => {
  await context?.close();
});

describe('printing the profile', () => {
  it('leaves out the navigation, the buttons and the filters', async () => {
    await expect(page.locator('header.site-header').isVisible()).resolves.toBe(false);
    for (const name of ['Retake the self-assessment', 'Invite raters']) {
      await expect(page.getByRole('link', { name }).isVisible()).resolves.toBe(false);
    }
    await expect(page.getByRole('combobox').first().isVisible()).resolves.toBe(false);
  });

  it('keeps the chart, its table, the plan and the attribution', async () => {
    await expect(page.locator('canvas').first().isVisible()).resolves.toBe(true);
    await expect(page.locator('table').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Development plan' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Source of the framework').isVisible()).resolves.toBe(true);
  });

  it('makes a report of a few pages on A4 and on Letter', async () => {
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(8);
    }
  });
});
