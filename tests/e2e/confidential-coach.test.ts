import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyReport } from '../../src/core/confidential/signed-report.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, baseUrl, launchBrowser, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { answerPattern, type AnswerPattern, downloadBytes } from './support-360-flow.ts';
import { rateConfidential, type SealedFile, storedText, unlockCoachKey, violations } from './support-confidential.ts';

/**
 * Issue 10, the coach's page: a key made and kept only under a passphrase, a campaign with its
 * links, raters answering in browsers of their own, and the coach opening their sealed files
 * into the 360 and a signed report that verifies in Node.
 */
const LEARNER = 'Ana Ruiz';
const COACH = 'Dana Lee';
const PASSPHRASE = 'correct horse battery staple';
const framework: Framework = builtinFramework('css-ai-at-work');

let browser: Browser;
let coachContext: BrowserContext;
let coach: Page;
let foreign: string[];
let fingerprint = '';
let links: { label: string; url: string }[] = [];
const sealed: { name: string; bytes: Buffer }[] = [];
let campaignId = '';

const unlock = (passphrase: string) => unlockCoachKey(coach, passphrase);

/** A rater, in a browser of their own, answers a link and downloads the sealed file. */
const rate = (url: string, answer: AnswerPattern, comment?: string): Promise<SealedFile> => rateConfidential(browser, { url, framework, learner: LEARNER, fingerprint }, answer, comment);

beforeAll(async () => {
  browser = await launchBrowser();
  coachContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await coachContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseUrl()).origin });
  foreign = watchForeignRequests(coachContext);
  coach = await coachContext.newPage();
});
afterAll(async () => {
  await coachContext?.close();
  await browser?.close();
});

describe('the coach runs a confidential 360 from the browser', () => {
  it('creates a key kept only under a passphrase, shows its fingerprint and downloads the backup', async () => {
    await coach.goto(appUrl('#/coach'));
    await coach.getByRole('heading', { level: 1, name: 'Coach: confidential 360' }).waitFor();
    await coach.getByLabel('Passphrase', { exact: true }).fill('too short');
    await coach.getByLabel('The same passphrase again').fill('too short');
    await coach.getByRole('button', { name: 'Create the key' }).click();
    await coach.getByText(/Use at least 12 characters: anyone who copies the backup file can try passphrases/).waitFor();

    await coach.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await coach.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await coach.getByRole('button', { name: 'Create the key' }).click();
    const shown = coach.locator('.coach-fingerprint');
    await shown.waitFor({ timeout: 60_000 });
    fingerprint = (await shown.textContent()) ?? '';
    expect(fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await coach.getByText('Give this fingerprint to your raters and to the learner').waitFor();
    await coach.getByText('Unlocked for this tab').waitFor();

    const backup = await downloadBytes(coach, 'Download the backup');
    expect(backup.bytes.toString('utf8')).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    // The key is stored only as that same backup: nothing in the browser holds it in the clear.
    const stored = await storedText(coach);
    expect(stored).not.toMatch(/AGE-SECRET-KEY-1/);
    expect(stored).toContain(JSON.stringify(backup.bytes.toString('utf8')).slice(1, -1));

    await expect(violations(coach)).resolves.toEqual([]);
    await coach.locator('.coach-key').screenshot({ path: join(SCREENSHOTS_DIR, 'coach-key-1280.png') });
  });

  it('is locked after a reload, refuses a wrong passphrase, and unlocks with the right one', async () => {
    await coach.reload();
    await coach.getByRole('heading', { name: 'Locked' }).waitFor();
    await expect(coach.locator('.coach-fingerprint').textContent()).resolves.toBe(fingerprint);
    await expect(coach.getByText('Unlock your key above to see your campaigns').isVisible()).resolves.toBe(true);

    await unlock('correct horse battery stapler');
    await coach.getByRole('alert').filter({ hasText: 'The passphrase does not open this backup' }).waitFor({ timeout: 60_000 });
    await expect(coach.getByText('Unlocked for this tab').count()).resolves.toBe(0);

    await unlock(PASSPHRASE);
    await coach.getByText('Unlocked for this tab').waitFor({ timeout: 60_000 });
  });

  it('creates a campaign of one manager and three peers, previews anonymity, and lists one link per rater', async () => {
    await coach.getByRole('heading', { name: 'New campaign' }).waitFor();
    await coach.getByLabel('Framework').selectOption(framework.id);
    await coach.getByLabel("Learner's name").fill(LEARNER);
    await coach.getByLabel('Your name, as raters and the learner will see it').fill(COACH);
    const counts = coach.getByRole('group', { name: 'How many raters in each group?' });
    await counts.getByLabel('Managers', { exact: true }).fill('1');
    await counts.getByLabel('Peers', { exact: true }).fill('2');
    // Two peers: the preview says, with the coach's thresholds, what would be folded.
    await coach.getByText(/Peers \(2 invited\): fewer than the threshold of 3/).waitFor();
    await counts.getByLabel('Peers', { exact: true }).fill('3');
    await coach.getByText('If everyone responds, the report shows: Manager (1), Peers (3), All others (4).').waitFor();
    await expect(coach.locator('.campaign-preview .banner-warn').count()).resolves.toBe(0);
    await coach.getByRole('button', { name: 'Create the campaign and 4 links' }).click();

    await coach.getByRole('heading', { name: `360 of ${LEARNER}` }).waitFor();
    await coach.getByText('Each link is for that rater only.').waitFor();
    const items = coach.locator('.campaign-links li');
    await expect(items.count()).resolves.toBe(4);
    links = await items.evaluateAll((nodes) => nodes.map((node) => ({ label: node.querySelector('label')?.textContent ?? '', url: (node.querySelector('input') as HTMLInputElement).value })));
    expect(links.map((link) => link.label)).toEqual(['Manager 1', 'Peer 1', 'Peer 2', 'Peer 3']);
    for (const link of links) expect(link.url.startsWith(`${baseUrl()}#/rate/`)).toBe(true);
    const mail = await coach.getByRole('link', { name: 'E-mail the link to Peer 1' }).getAttribute('href');
    expect(decodeURIComponent(mail ?? '')).toContain('This link is for you only');

    await coach.getByRole('button', { name: 'Copy the link for Peer 2' }).click();
    await coach.getByText('Copied.').waitFor();
    await expect(coach.evaluate(() => navigator.clipboard.readText())).resolves.toBe(links[2]?.url);

    await expect(violations(coach)).resolves.toEqual([]);
    await coach.screenshot({ path: join(SCREENSHOTS_DIR, 'coach-campaign-1280.png'), fullPage: true });
  });

  it('has raters answer in browsers of their own and send back sealed files', async () => {
    const comments = ['Keeps the runbook current.', 'Explains fixes clearly.', 'Asks before escalating.', undefined];
    for (const [index, link] of links.entries()) sealed.push(await rate(link.url, answerPattern(index + 1), comments[index]));
    for (const file of sealed) expect(file.bytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
  });

  it('imports the sealed files, keeps them through a reload, shows the 360 and downloads a report that verifies', async () => {
    // The last peer answers late: first the manager and two peers.
    const early = sealed.slice(0, 3);
    await coach.getByLabel('Choose sealed files, or drop them here').setInputFiles(early.map((file, index) => ({ name: `${index}-${file.name}`, mimeType: 'application/octet-stream', buffer: file.bytes })));
    await coach.getByText('Added 3 responses; each opened with your key.').waitFor({ timeout: 30_000 });
    await coach.getByRole('heading', { name: framework.title, level: 2 }).waitFor();
    const counts = coach.getByRole('list', { name: 'Responses received per group' });
    // Received: all three. Shown: only "All others": two peers are below their threshold, and showing the manager would give the peers away by subtraction.
    await expect(counts.textContent()).resolves.toBe('Manager: 1Peers: 2All others: 3');
    await coach.locator('[data-group="peer"][data-reason="hidden-below-3"]').waitFor();
    await coach.locator('[data-group="manager"][data-reason="folded-to-protect-remainder"]').waitFor();

    await coach.reload();
    await unlock(PASSPHRASE);
    await coach.getByRole('heading', { name: 'Kept for this campaign (3)' }).waitFor({ timeout: 60_000 });
    await counts.waitFor();

    const report = await downloadBytes(coach, 'Download the report for the learner');
    expect(report.name).toBe('report-ana-ruiz.jws');
    const verified = await verifyReport(report.bytes.toString('utf8').trim(), report.name, { fingerprint });
    if (!verified.ok) throw new Error(`The report does not verify: ${JSON.stringify(verified.issues)}`);
    campaignId = verified.value.campaign_id;
    expect(verified.value.learner.name).toBe(LEARNER);
    expect(verified.value.coach.name).toBe(COACH);
    expect(verified.value.groups_shown).toEqual(['others']);
    const json = JSON.stringify(verified.value);
    for (const link of links) expect(json).not.toContain(link.url.slice(-20));
    await expect(violations(coach)).resolves.toEqual([]);
  });

  it('after a report, asks for an explicit override before a report that a late rater could be read off from', async () => {
    await coach.getByLabel('Choose sealed files, or drop them here').setInputFiles([{ name: 'late.age', mimeType: 'application/octet-stream', buffer: sealed[3]?.bytes ?? Buffer.alloc(0) }]);
    await coach.getByText('Added 1 response; each opened with your key.').waitFor({ timeout: 30_000 });
    await expect(coach.getByRole('list', { name: 'Responses received per group' }).textContent()).resolves.toBe('Manager: 1Peers: 3All others: 4');
    const warning = coach.getByRole('alert').filter({ hasText: 'Late responses' });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('1 peer responded after the report of');
    const download = coach.getByRole('button', { name: 'Download the report for the learner' });
    await expect(download.isDisabled()).resolves.toBe(true);
    await coach.getByLabel(/I understand that Ana Ruiz could work out the late raters' answers/).check();
    const report = await downloadBytes(coach, 'Download the report for the learner');
    const verified = await verifyReport(report.bytes.toString('utf8').trim(), report.name, { fingerprint, campaignId });
    expect(verified.ok && verified.value.groups_shown).toEqual(['manager', 'peer', 'others']);

    await expect(violations(coach)).resolves.toEqual([]);
    await coach.screenshot({ path: join(SCREENSHOTS_DIR, 'coach-360-1280.png'), fullPage: true });
    const top = await coach.locator('.issue-report').boundingBox();
    await coach.screenshot({ path: join(SCREENSHOTS_DIR, 'coach-360-top-1280.png'), fullPage: true, clip: { x: 0, y: top?.y ?? 0, width: 1280, height: 1600 } });
  });

  it('refuses a second, different answer through the same link, and keeps what it had', async () => {
    const again = await rate(links[1]?.url ?? '', answerPattern(7));
    await coach.getByLabel('Choose sealed files, or drop them here').setInputFiles([{ name: 'again.age', mimeType: 'application/octet-stream', buffer: again.bytes }]);
    const alert = coach.getByRole('alert').filter({ hasText: 'Nothing was added.' });
    await alert.waitFor({ timeout: 30_000 });
    await expect(alert.textContent()).resolves.toContain('use the same invitation with different answers');
    await expect(coach.getByRole('heading', { name: 'Kept for this campaign (4)' }).isVisible()).resolves.toBe(true);
    expect(foreign).toEqual([]);
  });
});
