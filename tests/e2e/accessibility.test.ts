import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/core/model/framework.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { finishSurvey } from './support-survey.ts';

const SHOTS = SCREENSHOTS_DIR;

const SHORT = 'pipeline-it-support';
let framework: Framework;
let context: BrowserContext;
let foreign: string[];
let page: Page;
let raterLink = '';

beforeAll(async () => {
  framework = builtinFramework(SHORT);
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

/** axe-core's findings, as lines a person can act on. */
async function violations(on: Page): Promise<string[]> {
  return (await axeViolations(on)).flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}`));
}

async function screenshot(on: Page, name: string) {
  for (const width of [1280, 375]) {
    await on.setViewportSize({ width, height: 900 });
    await on.evaluate(() => document.fonts.ready);
    const path = join(SHOTS, `${name}-${width}.png`);
    await on.screenshot({ path, fullPage: true });
    expect(statSync(path).size, path).toBeGreaterThan(5_000);
  }
  await on.setViewportSize({ width: 1280, height: 900 });
}

/** Horizontal overflow at a width: how far the page is wider than the window. */
async function overflowAt(on: Page, width: number): Promise<number> {
  await on.setViewportSize({ width, height: 800 });
  const scroll = await on.evaluate(() => document.documentElement.scrollWidth);
  await on.setViewportSize({ width: 1280, height: 900 });
  return scroll - width;
}

describe('every page passes axe-core WCAG 2.1 A and AA', () => {
  it('the home page, and it reflows at 320 px with no horizontal scroll', async () => {
    await page.goto(appUrl('#/'));
    await page.getByRole('heading', { level: 3 }).first().waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await expect(overflowAt(page, 320)).resolves.toBeLessThanOrEqual(0);
    await screenshot(page, 'home');
  });

  it("a framework's about page", async () => {
    await page.goto(appUrl('#/about/css-durable-skills'));
    await page.getByRole('heading', { level: 2, name: 'Statements', exact: true }).waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await screenshot(page, 'about');
  });

  it('the name prompt before a first survey', async () => {
    await page.goto(appUrl(`#/assess/${SHORT}`));
    await page.getByLabel('Your name').waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await page.getByLabel('Your name').fill('Ana Ruiz');
    await page.getByRole('button', { name: 'Continue' }).click();
  });

  it('the survey, with an answer saved', async () => {
    await page.locator('.sd-question').first().waitFor();
    await page.locator(`[data-name="${framework.statements[0]?.id}"]`).getByText('Independently', { exact: true }).click();
    await page.getByText(/Saved in this browser/).waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await screenshot(page, 'assess');
  });

  it("the survey's options are reached with Tab, moved with the arrow keys and chosen with Space", async () => {
    const second = framework.statements[1]?.id ?? '';
    const radios = page.locator(`[data-name="${second}"] input[type="radio"]`);
    // Tab from the question before until the focus is in this statement's options.
    await page.locator(`[data-name="${framework.statements[0]?.id}"] input[value="3"]`).focus();
    const focusedIn = () => page.evaluate((name) => {
      const active = document.activeElement;
      return active instanceof HTMLInputElement && active.closest(`[data-name="${name}"]`) !== null ? active.value : null;
    }, second);
    for (let i = 0; i < 10 && (await focusedIn()) === null; i += 1) await page.keyboard.press('Tab');
    expect(await focusedIn()).toBe('1');
    await page.keyboard.press('Space');
    await expect(radios.nth(0).isChecked()).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await focusedIn()).toBe('3');
    await expect(page.locator(`[data-name="${second}"] input[value="3"]`).isChecked()).resolves.toBe(true);
    const outline = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      const box = active.closest('label') ?? active;
      const style = getComputedStyle(box);
      const own = getComputedStyle(active);
      return [style.outlineStyle, style.boxShadow, own.outlineStyle, own.boxShadow].join(' | ');
    });
    expect(outline, 'a visible focus indicator on the focused option').not.toBe('none | none | none | none');
  });

  it('the profile after completing a short framework', async () => {
    await finishSurvey(page, framework, (id) => (id.endsWith('2') ? null : 3));
    await page.locator('.profile').waitFor();
    await page.locator('.profile table').first().waitFor();
    await expect(violations(page)).resolves.toEqual([]);
  });

  it('the data page', async () => {
    await page.goto(appUrl('#/data'));
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await screenshot(page, 'data');
  });

  it('the invite page, before and after making links', async () => {
    await page.goto(appUrl(`#/invite/${SHORT}`));
    await page.getByRole('heading', { name: /Invite raters/ }).waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await page.getByLabel('Peers', { exact: true }).fill('2');
    await page.getByText(/Before you send: anonymity/).waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: /^Create \d+ links?$/ }).click();
    await page.locator('input.link-box').first().waitFor();
    raterLink = await page.locator('input.link-box').first().inputValue();
    await expect(violations(page)).resolves.toEqual([]);
    await screenshot(page, 'invite');
  });

  it("a rater's page opened from an invitation link", async () => {
    const rater = await context.newPage();
    await rater.goto(raterLink);
    await rater.locator('.sd-question').first().waitFor();
    await expect(violations(rater)).resolves.toEqual([]);
    await screenshot(rater, 'rate');
    await rater.close();
  });

  it('the team page', async () => {
    await page.goto(appUrl('#/team'));
    await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor();
    await page.locator('table').first().waitFor();
    await expect(violations(page)).resolves.toEqual([]);
    await screenshot(page, 'team');
  });

  it('the page shown for an unknown address', async () => {
    await page.goto(appUrl('#/no/such/page'));
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await expect(violations(page)).resolves.toEqual([]);
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
