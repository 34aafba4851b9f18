import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Campaign, createCampaign } from '../../src/core/confidential/campaign.ts';
import { MANIFEST_TYP } from '../../src/core/confidential/campaign-manifest.ts';
import { openCampaignResponses } from '../../src/core/confidential/campaign-responses.ts';
import { generateCoachIdentity } from '../../src/core/confidential/coach-identity.ts';
import { coachKeys, coachSigningKey, signCompactJws } from '../../src/core/confidential/coach-signing-key.ts';
import { encodeConfidentialInvitation } from '../../src/core/confidential/confidential-invitation.ts';
import { submissionDay } from '../../src/core/confidential/sealed-content.ts';
import { openSealed } from '../../src/core/confidential/sealed-response.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { NOT_APPLICABLE_LABEL, RATING_LABELS, type Rating } from '../../src/core/model/rating-scale.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/score/thresholds.ts';
import { encodeInvitation } from '../../src/core/share/invitation.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, baseUrl, launchBrowser, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { answerPattern, answerWholeSurvey, downloadBytes } from './support-360-flow.ts';
import { storedText, violations } from './support-confidential.ts';
import { visibleStatements } from './support-survey.ts';

/**
 * Issue 10, the rater's side: a coach's campaign made in Node as the CLI makes it, its link
 * answered in Chromium, the sealed file and code opened again in Node with the coach's key.
 */
const LEARNER = 'Ana Ruiz';
const COACH = 'Dana Lee';
const COMMENT = 'Checks <b>every</b> AI answer against the runbook & says so.';
const answer = answerPattern(2);

let framework: Framework;
let identity: string;
let fingerprint: string;
let campaign: Campaign;
let browser: Browser;
let context: BrowserContext;
let foreign: string[];
let page: Page;

const dayAfter = (days: number): string => submissionDay(new Date(Date.now() + days * 86_400_000));
const lookup = (campaignId: string) => (campaignId === campaign.manifest.campaign_id ? framework : undefined);
const linkFor = (jws: string, invitationId: string, token: string): string => appUrl(`#/rate/${encodeConfidentialInvitation(jws, invitationId, token)}`);
function peer(): Campaign['invitations'][number] {
  const found = campaign.invitations.find((invitation) => invitation.group === 'peer');
  if (found === undefined) throw new Error('The campaign has no peer invitation.');
  return found;
}
const peerLink = (): string => linkFor(campaign.jws, peer().invitationId, peer().token);

/** Every answer the rater gives, by statement id, as the survey helpers give them. */
const expectedAnswers = (): Map<string, Rating | null> => new Map(framework.statements.map((statement, index) => [statement.id, answer(index)]));

/** The JavaScript files a page loads while `act` runs, by their text. */
async function scriptsLoaded(on: Page, act: () => Promise<void>): Promise<string[]> {
  const urls: string[] = [];
  const listen = (response: { url(): string }) => {
    if (response.url().endsWith('.js')) urls.push(response.url());
  };
  on.on('response', listen);
  await act();
  on.off('response', listen);
  return Promise.all(urls.map(async (url) => (await fetch(url)).text()));
}

/** A text found only in the age library, which seals responses. */
const SEALING_CODE = 'age-encryption.org/v1';

beforeAll(async () => {
  framework = builtinFramework('css-ai-at-work');
  identity = await generateCoachIdentity();
  fingerprint = (await coachKeys(identity)).fingerprint;
  campaign = await createCampaign({
    framework,
    learner: { name: LEARNER, subjectId: 'ana-ruiz' },
    coachName: COACH,
    groups: { manager: 1, peer: 3 },
    thresholds: { ...DEFAULT_THRESHOLDS },
    createdOn: dayAfter(0),
    closesOn: dayAfter(14),
  }, identity);
  browser = await launchBrowser();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  foreign = watchForeignRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('a rater answers a confidential invitation', () => {
  let sealedCode = '';

  it('names the coach and their fingerprint, says the learner cannot read the answers, and asks no group', async () => {
    const scripts = await scriptsLoaded(page, async () => {
      await page.goto(peerLink());
      await page.getByRole('heading', { level: 1, name: `Confidential feedback for ${LEARNER}` }).waitFor();
      await page.locator('.sd-question').first().waitFor();
    });
    expect(scripts.some((text) => text.includes(SEALING_CODE))).toBe(true);

    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(`Only ${COACH}, the coach running this 360, can read your answers.`);
    expect(text).toContain(`${LEARNER} cannot read your answers`);
    expect(text).toContain(`${COACH}'s key fingerprint: ${fingerprint}`);
    expect(text).toContain('Compare it with the fingerprint');
    // The coach's thresholds, from the manifest, and this rater's own group.
    expect(text).toContain('Peers (3 invited): shown only when at least 3 respond.');
    expect(text).toContain('You were invited as a peer, one of 3.');
    expect(text).toMatch(/Send your response by .+, when this 360 closes\./);
    // The group comes from the manifest: the survey does not ask it.
    await expect(page.locator('[data-name="rater_group"]').count()).resolves.toBe(0);

    const check = page.getByLabel(`Fingerprint ${COACH} gave you`);
    await check.fill(fingerprint.toLowerCase().replace(/-/g, ' '));
    await page.getByText('It matches').waitFor();
    await check.fill(`${fingerprint.slice(0, -1)}${fingerprint.endsWith('0') ? '1' : '0'}`);
    await page.getByText('It does not match. Do not answer').waitFor();
    await check.fill('');

    await expect(violations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'confidential-rate-1280.png'), fullPage: true });
  });

  it('keeps the answers and the comment through a reload', async () => {
    const firstPage = await visibleStatements(page, framework);
    expect(firstPage.length).toBeGreaterThan(0);
    for (const id of firstPage) {
      const rating = answer(framework.statements.findIndex((s) => s.id === id));
      await page.locator(`[data-name="${id}"]`).getByText(rating === null ? NOT_APPLICABLE_LABEL.rater : RATING_LABELS[rating], { exact: true }).click();
    }
    await page.locator('[data-name^="comment_"] textarea').first().fill(COMMENT);
    await expect.poll(() => storedText(page), { timeout: 10_000 }).toContain('the runbook');

    await page.reload();
    await page.locator(`[data-name="${firstPage[0]}"]`).waitFor();
    for (const id of firstPage) {
      const rating = answer(framework.statements.findIndex((s) => s.id === id));
      await expect(page.locator(`[data-name="${id}"] input[value="${rating ?? 'na'}"]`).isChecked(), id).resolves.toBe(true);
    }
    await expect(page.locator('[data-name^="comment_"] textarea').first().inputValue()).resolves.toBe(COMMENT);
  });

  it('seals on Complete: the file and the code open with the coach key to exactly the answers given', async () => {
    const before = submissionDay(new Date());
    await answerWholeSurvey(page, framework, answer, 'rater');
    await page.getByRole('heading', { level: 1, name: `Thank you: your sealed feedback for ${LEARNER} is ready` }).waitFor();
    const after = submissionDay(new Date());

    const file = await downloadBytes(page, 'Download the sealed file');
    expect(file.name).toBe(`skillscope-sealed-ana-ruiz-${peer().invitationId.slice('inv-'.length)}.age`);
    expect(file.bytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    expect(() => JSON.parse(file.bytes.toString('utf8'))).toThrow();
    expect(file.bytes.includes(Buffer.from('runbook'))).toBe(false);
    expect(file.bytes.includes(Buffer.from(framework.statements[0]?.id ?? ''))).toBe(false);
    sealedCode = await page.getByLabel(/Copy this code/).inputValue();
    expect(sealedCode).toMatch(/^SKS1\.[A-Za-z0-9_-]+$/);

    const firstPageName = framework.levels[0]?.id ?? '';
    for (const [name, input] of [['file', new Uint8Array(file.bytes)], ['code', sealedCode]] as const) {
      const opened = await openSealed(input, identity, lookup, name);
      if (!opened.ok) throw new Error(`The sealed ${name} does not open: ${JSON.stringify(opened.issues)}`);
      expect(opened.value.campaignId, name).toBe(campaign.manifest.campaign_id);
      expect(opened.value.token, name).toBe(peer().token);
      expect([before, after], name).toContain(opened.value.submittedOn);
      expect(opened.value.answers, name).toEqual(expectedAnswers());
      expect(opened.value.comments, name).toEqual(new Map([[firstPageName, COMMENT]]));
    }
    // As the coach opens them: one response in the invitation's group, file and code counted once.
    const responses = await openCampaignResponses(campaign.manifest, framework, identity, [{ name: file.name, data: new Uint8Array(file.bytes) }, { name: 'code', data: sealedCode }]);
    expect(responses.ok && responses.value.map((response) => [response.raterGroup, response.subjectId])).toEqual([['peer', 'ana-ruiz']]);

    // Once sealed, nothing in this browser holds the plain answers.
    const stored = await storedText(page);
    expect(stored).not.toContain('runbook');
    expect(stored).not.toContain(framework.statements[0]?.id);

    await expect(violations(page)).resolves.toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'confidential-sealed-1280.png'), fullPage: true });
  });

  it('shows the same sealed code when the link is opened again, instead of a blank survey', async () => {
    await page.goto(appUrl('#/'));
    await page.goto(peerLink());
    await page.getByRole('heading', { level: 1, name: /^Thank you: your sealed feedback/ }).waitFor();
    await expect(page.getByLabel(/Copy this code/).inputValue()).resolves.toBe(sealedCode);
    await expect(page.locator('.sd-question').count()).resolves.toBe(0);
  });

  it('makes no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});

describe('a confidential link that was not made by the coach who signed it gets the bad-link page', () => {
  async function expectBadLink(url: string, reason: string) {
    const other = await browser.newContext();
    try {
      const tab = await other.newPage();
      await tab.goto(url);
      await tab.getByRole('heading', { level: 1, name: 'This invitation link does not work' }).waitFor();
      await expect(tab.getByRole('alert').filter({ hasText: 'What is wrong with the link' }).textContent()).resolves.toContain(reason);
      await expect(tab.locator('.sd-question').count()).resolves.toBe(0);
      await expect(violations(tab)).resolves.toEqual([]);
    } finally {
      await other.close();
    }
  }

  it('a token altered in the link', async () => {
    const { invitationId, token } = peer();
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await expectBadLink(linkFor(campaign.jws, invitationId, altered), 'not one the campaign lists');
  });

  it('a manifest signed by another key than the coach it names', async () => {
    const forged = signCompactJws(JSON.stringify(campaign.manifest), MANIFEST_TYP, coachSigningKey(await generateCoachIdentity()));
    await expectBadLink(linkFor(forged, peer().invitationId, peer().token), 'signed by a key other than the coach');
  });
});

describe('a campaign whose framework is not the one this app has', () => {
  async function expectNoSurvey(made: Campaign, reason: string) {
    const [invitation] = made.invitations;
    if (invitation === undefined) throw new Error('The campaign has no invitation.');
    const other = await browser.newContext();
    try {
      const tab = await other.newPage();
      await tab.goto(linkFor(made.jws, invitation.invitationId, invitation.token));
      await tab.getByRole('heading', { level: 1, name: 'This invitation cannot be answered here' }).waitFor();
      await expect(tab.getByRole('alert').filter({ hasText: 'The 360 uses' }).textContent()).resolves.toContain(reason);
      await expect(tab.locator('.sd-question').count()).resolves.toBe(0);
      await expect(violations(tab)).resolves.toEqual([]);
    } finally {
      await other.close();
    }
  }
  const plan = (edited: Framework) => ({
    framework: edited, learner: { name: LEARNER, subjectId: 'ana-ruiz' }, coachName: COACH, groups: { peer: 3 }, thresholds: { ...DEFAULT_THRESHOLDS }, createdOn: dayAfter(0), closesOn: dayAfter(7),
  });

  it('one this app does not have at all', async () => {
    await expectNoSurvey(await createCampaign(plan({ ...framework, id: 'onet-99-9999-00' }), identity), 'which this app does not have');
  });

  it('the same framework with one statement edited: its content hash differs from the signed one', async () => {
    const edited = { ...framework, statements: framework.statements.map((s, index) => (index === 0 ? { ...s, text: `${s.text} (edited)` } : s)) };
    await expectNoSurvey(await createCampaign(plan(edited), identity), 'is not the one Dana Lee signed');
  });
});

describe('the open 360', () => {
  it('loads none of the sealing code on its rater page', async () => {
    const open = await browser.newContext();
    try {
      const tab = await open.newPage();
      const payload = encodeInvitation({
        invitationId: 'inv-open-1', frameworkId: framework.id, learnerName: LEARNER, subjectId: 'ana-ruiz', group: 'peer', note: '', endpoint: null, framework: null,
      });
      const scripts = await scriptsLoaded(tab, async () => {
        await tab.goto(`${baseUrl()}#/rate/${payload}`);
        await tab.getByRole('heading', { level: 1, name: `Feedback for ${LEARNER}` }).waitFor();
        await tab.locator('.sd-question').first().waitFor();
      });
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((text) => text.includes(SEALING_CODE))).toEqual([]);
    } finally {
      await open.close();
    }
  });
});
