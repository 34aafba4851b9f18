import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../../src/core/confidential/campaign.ts';
import { generateCoachIdentity } from '../../src/core/confidential/coach-identity.ts';
import { encodeConfidentialInvitation } from '../../src/core/confidential/confidential-invitation.ts';
import { submissionDay } from '../../src/core/confidential/sealed-content.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/score/thresholds.ts';
import { encodeInvitation, type Invitation } from '../../src/core/share/invitation.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, launchBrowser, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { answerPattern, answerWholeSurvey, downloadBytes, importCodes } from './support-360-flow.ts';
import { violations } from './support-confidential.ts';

/**
 * Issue 14, the rater's side of the survey: a page left blank and statements left unanswered
 * are said out loud, in the open and the confidential 360 alike; every rater's file has a name
 * of its own; and a response code cut short is called that, once.
 */
const LEARNER = 'Ana Ruiz';
const framework: Framework = builtinFramework('css-ai-at-work');
let browser: Browser;
let contexts: BrowserContext[] = [];
/** Requests to any origin but the app's, from every rater's browser. */
const foreign: string[][] = [];

const peerInvitation = (): Invitation => ({
  invitationId: crypto.randomUUID(), frameworkId: framework.id, learnerName: LEARNER, subjectId: 'ana-ruiz-4k7q', group: 'peer', note: '', endpoint: null, framework: null,
});

/** A rater's browser of their own, as each rater has. */
async function raterPage(): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  foreign.push(watchForeignRequests(context));
  contexts.push(context);
  return context.newPage();
}

const check = (page: Page) => page.locator('.answer-check');

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  contexts = [];
  await browser?.close();
});

describe('a rater answering an open invitation', () => {
  const peers = [peerInvitation(), peerInvitation(), peerInvitation()];
  let code = '';

  it('is stopped by Next on a page with nothing answered, and told that "Not observed" is an answer', async () => {
    const page = await raterPage();
    await page.goto(appUrl(`#/rate/${encodeInvitation(peers[0] as Invitation)}`));
    await page.getByRole('heading', { name: `Feedback for ${LEARNER}` }).waitFor();
    // "About you" asks no statement: Next moves on without a word.
    await expect(page.locator('.sd-progress > .sd-progress__text').innerText()).resolves.toBe(`About you and ${LEARNER} · page 1 of 5 · 0 of 13 statements answered`);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-name="emerging-01"]').waitFor();
    await expect(check(page).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: 'Nothing answered on Emerging' }).waitFor();
    await expect(page.locator('[data-name="emerging-01"]').isVisible()).resolves.toBe(true);
    await expect(check(page).innerText()).resolves.toContain('A statement you leave unanswered is left out of the feedback. Answers are optional, and "Not observed" is an answer too.');
    await expect(violations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Go on to Developing' }).click();
    await page.locator('[data-name="developing-01"]').waitFor();
  });

  it('sees before Complete how many statements are unanswered, page by page, and completes on purpose', async () => {
    const page = contexts[0]?.pages()[0];
    if (page === undefined) throw new Error('The first rater has no page.');
    await answerWholeSurvey(page, framework, answerPattern(1), 'rater');
    await page.getByRole('heading', { name: '2 of 13 statements are unanswered' }).waitFor();
    await expect(check(page).getByRole('listitem').allInnerTexts()).resolves.toEqual(['Emerging: 2 of 2 unanswered']);
    await expect(check(page).innerText()).resolves.toContain('Unanswered statements are left out of every figure of the feedback.');
    await expect(violations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'rate-unanswered-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Complete with 2 unanswered' }).click();
    await page.getByRole('heading', { name: `Thank you: your feedback for ${LEARNER} is ready` }).waitFor();
  });

  it("gives each peer's response file a name of its own, with the invitation's short id", async () => {
    const names: string[] = [];
    for (const [index, invitation] of peers.entries()) {
      const page = index === 0 ? contexts[0]?.pages()[0] : await raterPage();
      if (page === undefined) throw new Error('No page for the rater.');
      if (index > 0) {
        await page.goto(appUrl(`#/rate/${encodeInvitation(invitation)}`));
        await answerWholeSurvey(page, framework, answerPattern(index), 'rater');
        await page.getByRole('heading', { name: /^Thank you/ }).waitFor();
      }
      const file = await downloadBytes(page, 'Download the response file');
      const day = (JSON.parse(file.bytes.toString('utf8')) as { submitted_at: string }).submitted_at.slice(0, 10);
      expect(file.name).toBe(`skillscope-response-ana-ruiz-peer-${day}-${invitation.invitationId.slice(0, 8)}.json`);
      names.push(file.name);
      if (index === 1) code = await page.getByLabel(/Copy this code/).inputValue();
    }
    expect(new Set(names).size).toBe(3);
  });

  it('keeps a crafted invitation id from steering the file name: only letters, digits, - and _ of it', async () => {
    const page = await raterPage();
    const crafted = { ...peerInvitation(), invitationId: '../../x/..\\evil name.exe' };
    await page.goto(appUrl(`#/rate/${encodeInvitation(crafted)}`));
    await answerWholeSurvey(page, framework, answerPattern(2), 'rater');
    await page.getByRole('heading', { name: /^Thank you/ }).waitFor();
    const file = await downloadBytes(page, 'Download the response file');
    expect(file.name).toMatch(/^skillscope-response-ana-ruiz-peer-\d{4}-\d\d-\d\d-xevilnam\.json$/);
  });

  it('tells the learner a code cut short looks cut short, once, and says "Nothing was imported" once', async () => {
    const page = await raterPage();
    await page.goto(appUrl('#/data'));
    for (const cut of [code.slice(0, -9), code.slice(0, -10), `${code.slice(0, 120)}…`]) {
      const verdict = await importCodes(page, cut);
      expect(verdict).toMatch(/pasted text, code 1: The code looks cut short[:,]/);
      expect(verdict.match(/cut short/g)).toHaveLength(1);
      expect(verdict).not.toMatch(/never has/);
      const main = (await page.locator('main').innerText()).toLowerCase();
      expect(main.match(/nothing (?:was|is) imported/g), main).toHaveLength(1);
    }
    await expect(page.getByText(/\d+ self-assessments? and 0 responses from raters/).count()).resolves.toBe(1);
  });
});

describe('a rater answering a confidential invitation', () => {
  it('is stopped on a blank page and before Complete the same way, and each sealed file is named by its invitation', async () => {
    const identity = await generateCoachIdentity();
    const today = submissionDay(new Date());
    const campaign = await createCampaign({
      framework,
      learner: { name: LEARNER, subjectId: 'ana-ruiz' },
      coachName: 'Dana Lee',
      groups: { peer: 3 },
      thresholds: { ...DEFAULT_THRESHOLDS },
      createdOn: today,
      closesOn: submissionDay(new Date(Date.now() + 14 * 86_400_000)),
    }, identity);
    const names: string[] = [];
    for (const [index, invitation] of campaign.invitations.slice(0, 2).entries()) {
      const page = await raterPage();
      await page.goto(appUrl(`#/rate/${encodeConfidentialInvitation(campaign.jws, invitation.invitationId, invitation.token)}`));
      await page.getByRole('heading', { level: 1, name: `Confidential feedback for ${LEARNER}` }).waitFor();
      await page.locator('[data-name="emerging-01"]').waitFor();
      if (index === 0) {
        await page.getByRole('button', { name: 'Next' }).click();
        await page.getByRole('heading', { name: 'Nothing answered on Emerging' }).waitFor();
        await expect(violations(page)).resolves.toEqual([]);
        await page.getByRole('button', { name: 'Go on to Developing' }).click();
        await answerWholeSurvey(page, framework, answerPattern(3), 'rater');
        await page.getByRole('heading', { name: '2 of 13 statements are unanswered' }).waitFor();
        await page.getByRole('button', { name: 'Complete with 2 unanswered' }).click();
      } else {
        await answerWholeSurvey(page, framework, answerPattern(4), 'rater');
      }
      await page.getByRole('heading', { level: 1, name: `Thank you: your sealed feedback for ${LEARNER} is ready` }).waitFor();
      const file = await downloadBytes(page, 'Download the sealed file');
      expect(file.name).toBe(`skillscope-sealed-ana-ruiz-${invitation.invitationId.slice('inv-'.length)}.age`);
      names.push(file.name);
    }
    expect(new Set(names).size).toBe(2);
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign.flat()).toEqual([]);
  });
});
