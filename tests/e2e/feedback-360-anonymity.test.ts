import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../src/core/model/framework.ts';
import type { OtherGroup } from '../../src/core/model/response.ts';
import { builtinFramework, builtinFrameworks } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchBrowser, launchPersistentContext } from './browser.ts';
import {
  answerPattern, createLinks, csvRecords, downloadBytes, importFiles, type Link, planInvitations, rateFromLink, selfAssess, tempDir,
} from './support-360-flow.ts';

const BUILTIN_IDS = new Set(builtinFrameworks().map((f) => f.id));
const isBuiltin = (id: string) => BUILTIN_IDS.has(id);
const framework: Framework = builtinFramework('css-ai-at-work');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the invite page, before anything is sent', () => {
  let learner: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    learner = await launchPersistentContext();
    page = await learner.newPage();
    await page.goto(appUrl(`#/invite/${framework.id}`));
    await page.getByLabel('Your name').fill('Ana Ruiz');
    await page.getByRole('button', { name: 'Continue' }).click();
  });
  afterAll(async () => {
    await learner?.close();
  });

  const warnings = async () => {
    const banner = page.locator('.banner-warn');
    await banner.waitFor();
    return banner.locator('li').allTextContents();
  };

  it('warns that two peers alone will not be shown', async () => {
    await planInvitations(page, framework.id, { peer: 2 });
    const list = await warnings();
    expect(list.find((text) => text.startsWith('Peers'))).toMatch(/^Peers \(2 invitations\): fewer than 3, .*will not be shown/);
    expect(list.find((text) => text.startsWith('All others'))).toMatch(/fewer than 3 in all/);
  });

  it('warns that two peers beside a manager will be combined into all others, and the manager too', async () => {
    await planInvitations(page, framework.id, { manager: 1, peer: 2 });
    const list = await warnings();
    expect(list.find((text) => text.startsWith('Peers'))).toMatch(/^Peers \(2 invitations\): fewer than 3, so they will not be shown on their own; their ratings count only in "All others"/);
    expect(list.find((text) => text.startsWith('Managers'))).toMatch(/will be combined into "All others"/);
    await expect(page.getByRole('button', { name: 'Create 3 links' }).isEnabled()).resolves.toBe(true);
  });
});

type Plan = { title: string; counts: Partial<Record<OtherGroup, number>>; shownGroups: string[]; peerNotice: RegExp };

const plans: Plan[] = [
  { title: 'two peers alone', counts: { peer: 2 }, shownGroups: ['self'], peerNotice: /^Peers \(2 responses\): fewer than 3 responses, so not shown/ },
  { title: 'two peers and a manager', counts: { manager: 1, peer: 2 }, shownGroups: ['others', 'self'], peerNotice: /^Peers \(2 responses\): .*combined into "All others"/ },
];

describe.each(plans)('a 360 with $title, after the responses are imported', (plan) => {
  let learner: BrowserContext;
  let page: Page;
  let links: Link[];
  const peerComments = ['Peer comment alpha', 'Peer comment beta'];

  beforeAll(async () => {
    learner = await launchPersistentContext();
    page = await learner.newPage();
    await selfAssess(page, framework, answerPattern(0), 'Ana Ruiz');
    await planInvitations(page, framework.id, plan.counts);
    links = await createLinks(page, isBuiltin);
    const dir = tempDir('anonymity');
    const files: string[] = [];
    let peer = 0;
    for (const [index, link] of links.entries()) {
      const comment = link.invitation.group === 'peer' ? peerComments[peer++] : 'Manager comment';
      files.push((await rateFromLink(browser, link, framework, answerPattern(index + 3), dir, comment === undefined ? {} : { comment })).file);
    }
    await expect(importFiles(page, files)).resolves.toBe(`Imported ${links.length} responses.`);
    await page.goto(appUrl(`#/profile/${framework.id}`));
    await page.locator('#levels-table').waitFor();
    // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
    await page.locator('.statement-list').waitFor();
  });
  afterAll(async () => {
    await learner?.close();
  });

  it('says in plain words that the peers are combined or hidden, and why', async () => {
    await expect(page.locator('.visibility-notice li[data-group="peer"]').textContent()).resolves.toMatch(plan.peerNotice);
  });

  it('renders no figure, chart key, description or comment for the peers or any group smaller than 3', async () => {
    const groups = await page.locator('tr[data-group]').evaluateAll((rows) => [...new Set(rows.map((row) => row.getAttribute('data-group') ?? ''))].sort());
    expect(groups).toEqual(plan.shownGroups);
    const groupCells = await page.locator('th.group-cell, .chart-key li').allTextContents();
    expect(groupCells.filter((text) => /Peer|Manager/.test(text))).toEqual([]);
    const descriptions = await page.locator('[data-chart] canvas').evaluateAll((canvases) =>
      canvases.map((canvas) => document.getElementById(canvas.getAttribute('aria-describedby') ?? '')?.textContent ?? ''));
    expect(descriptions.length).toBeGreaterThan(0);
    for (const text of descriptions) expect(text).not.toMatch(/Peers|Manager/);
    const comments = await page.locator('.comments q').allTextContents();
    if (plan.shownGroups.includes('others')) {
      // Combined: the peers' comments appear only under all others, among the manager's.
      await expect(page.locator('.comments [data-group="others"] q').allTextContents()).resolves.toEqual(['Manager comment', ...peerComments].sort());
      expect(comments).toHaveLength(3);
    } else {
      expect(comments).toEqual([]);
    }
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('exports a summary.csv and statements.csv from which the peers\' ratings cannot be worked out', async () => {
    await page.goto(appUrl('#/data'));
    const summary = csvRecords((await downloadBytes(page, 'Download summary.csv')).bytes);
    const statements = csvRecords((await downloadBytes(page, 'Download statements.csv')).bytes);
    // Only groups of 3 or more besides self: with the manager alone beside "all others", the
    // two peers would be all others minus the manager.
    expect([...new Set(summary.map((row) => row.rater_group))].sort()).toEqual(plan.shownGroups);
    const othersOverall = summary.filter((row) => row.rater_group === 'others' && row.axis_kind === 'framework').map((row) => row.raters);
    expect(othersOverall).toEqual(plan.shownGroups.includes('others') ? ['3'] : []);
    expect(statements).toHaveLength(framework.statements.length);
    for (const row of statements) {
      if (plan.shownGroups.includes('others')) {
        expect(row.others).not.toBe('');
      } else {
        expect([row.others, row.gap, row.others_sd, row.flag]).toEqual(['', '', '', '']);
      }
    }
  });
});
