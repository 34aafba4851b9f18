import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFramework, builtinFrameworks } from '../support/builtin-frameworks.ts';
import { appUrl, launchBrowser, launchPersistentContext } from './browser.ts';
import { answerPattern, createLinks, downloadBytes, planInvitations, rateFromLink, selfAssess, tempDir } from './support-360-flow.ts';

/**
 * The learner's display name travels in the files the app writes (`subject_name`), so that a
 * manager's team view can show names: the self-assessment carries the name the learner typed,
 * and a rater's response the name the invitation link gave.
 */
const framework = builtinFramework('css-ai-at-work');
const NAME = 'Zoë Ó Briain';
const dir = tempDir('names');
const builtinIds = new Set(builtinFrameworks().map((f) => f.id));
const isBuiltin = (id: string) => builtinIds.has(id);

let browser: Browser;
let learner: BrowserContext;
let page: Page;
let selfFile = '';
let raterFile = '';

beforeAll(async () => {
  browser = await launchBrowser();
  learner = await launchPersistentContext();
  page = await learner.newPage();
});
afterAll(async () => {
  await learner?.close();
  await browser?.close();
});

describe('the learner\'s name in the files the app writes', () => {
  it('is in the self-assessment\'s response file, as subject_name beside subject_id', async () => {
    await selfAssess(page, framework, answerPattern(1), NAME);
    await page.goto(appUrl('#/data'));
    await page.getByText(/^Response files \(1\)$/).click();
    const saved = await downloadBytes(page, /^Download self-assessment of/);
    selfFile = saved.bytes.toString('utf8');
    const json = JSON.parse(selfFile) as Record<string, unknown>;
    expect(json['subject_name']).toBe(NAME);
    // The id is made from the name, but it is the id that joins responses.
    expect(String(json['subject_id'])).toMatch(/-[a-z2-9]{4}$/);
  });

  it('is in a rater\'s response file, from the invitation link', async () => {
    await planInvitations(page, framework.id, { manager: 1 });
    const [link] = await createLinks(page, isBuiltin);
    if (link === undefined) throw new Error('no link');
    expect(link.invitation.learnerName).toBe(NAME);
    const rated = await rateFromLink(browser, link, framework, answerPattern(2), dir);
    raterFile = rated.fileText;
    const json = JSON.parse(raterFile) as Record<string, unknown>;
    expect(json).toMatchObject({ subject_name: NAME, subject_id: link.invitation.subjectId, rater_group: 'manager' });
  });

  it('is what a manager\'s team view shows for the learner, with the id on hover', async () => {
    const manager = await launchPersistentContext();
    try {
      const team = await manager.newPage();
      await team.goto(appUrl('#/team'));
      await team.getByText('No responses yet').waitFor();
      await team.getByLabel('Choose files, or drop them here').setInputFiles([
        { name: 'self.json', mimeType: 'application/json', buffer: Buffer.from(selfFile) },
        { name: 'manager.json', mimeType: 'application/json', buffer: Buffer.from(raterFile) },
      ]);
      await team.getByText('Imported 2 responses.').waitFor();
      const link = team.locator('.team-table tbody th a');
      await expect(link.textContent()).resolves.toBe(NAME);
      await expect(link.getAttribute('title')).resolves.toBe(`id: ${String((JSON.parse(selfFile) as Record<string, unknown>)['subject_id'])}`);
    } finally {
      await manager.close();
    }
  });
});
