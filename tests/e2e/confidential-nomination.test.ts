import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeConfidentialInvitation } from '../../src/core/confidential/confidential-invitation.ts';
import { appUrl, axeViolations, launchBrowser, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { downloadBytes } from './support-360-flow.ts';

/**
 * Issue 10, step 3: the learner nominates raters and hands the coach a file of names,
 * addresses and groups; the coach starts the campaign from it, and each secret link is labelled
 * with its rater's name and e-mailed to their address. No token ever passes the learner.
 */
const LEARNER = 'Ana Ruiz';
const FRAMEWORK = 'css-ai-at-work';
const PASSPHRASE = 'correct horse battery staple';
const ENDPOINT = 'https://collect.example.test/responses';
const RATERS = [
  { name: 'Mona Park', email: 'mona.park@example.org', group: 'manager' },
  { name: 'Piet de Vries', email: 'piet@example.org', group: 'peer' },
  { name: 'Zoë Łukasik', email: 'zoe.lukasik+360@example.co.uk', group: 'peer' },
  { name: "Sam O'Neil", email: 'sam@example.org', group: 'peer' },
] as const;

let browser: Browser;
let learnerContext: BrowserContext;
let coachContext: BrowserContext;
let learner: Page;
let coach: Page;
let foreign: string[][] = [];
let nomination: { name: string; bytes: Buffer };

async function violations(on: Page): Promise<string[]> {
  return (await axeViolations(on)).flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}`));
}

const row = (n: number) => learner.getByRole('group', { name: `Rater ${n}`, exact: true });

beforeAll(async () => {
  browser = await launchBrowser();
  learnerContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  coachContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  foreign = [watchForeignRequests(learnerContext), watchForeignRequests(coachContext)];
  learner = await learnerContext.newPage();
  coach = await coachContext.newPage();
});
afterAll(async () => {
  await learnerContext?.close();
  await coachContext?.close();
  await browser?.close();
});

describe('the learner nominates raters and the coach issues their links', () => {
  it('lets the learner list raters with the default-threshold preview, keeps them through a reload, and downloads the nomination', async () => {
    await learner.goto(appUrl(`#/invite/${FRAMEWORK}`));
    await learner.getByLabel('Your name').fill(LEARNER);
    await learner.getByRole('button', { name: 'Continue' }).click();
    const panel = learner.locator('.nominate-panel');
    await learner.getByRole('heading', { name: 'Nominate raters for a confidential 360' }).waitFor();
    await expect(violations(learner)).resolves.toEqual([]);

    for (const [index, rater] of RATERS.entries()) {
      await learner.getByRole('button', { name: 'Add a rater' }).click();
      await row(index + 1).getByLabel('Name').fill(rater.name);
      await row(index + 1).getByLabel('E-mail address').fill(rater.email);
      await expect(row(index + 1).getByLabel('Group').inputValue()).resolves.toBe(rater.group);
      if (index === 2) {
        // Two peers: with the default thresholds the learner is told, before anything is sent.
        await panel.getByText('Nominated: Managers 1, Peers 2.', { exact: false }).waitFor();
        await panel.getByText(/Peers \(2 invitations\): fewer than 3/).waitFor();
      }
    }
    await panel.getByText('every group you nominate is shown on its own.').waitFor();
    await panel.getByText('Your coach may set other thresholds').waitFor();
    await expect(violations(learner)).resolves.toEqual([]);

    await learner.reload();
    await row(4).waitFor();
    for (const [index, rater] of RATERS.entries()) {
      await expect(row(index + 1).getByLabel('Name').inputValue()).resolves.toBe(rater.name);
      await expect(row(index + 1).getByLabel('E-mail address').inputValue()).resolves.toBe(rater.email);
      await expect(row(index + 1).getByLabel('Group').inputValue()).resolves.toBe(rater.group);
    }

    // A bad address is refused, named by its row, and no file is made.
    await row(2).getByLabel('E-mail address').fill('piet at example.org');
    await learner.getByRole('button', { name: 'Download the nomination file' }).click();
    const alert = learner.getByRole('alert').filter({ hasText: 'The nomination file was not made.' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('Rater 2, e-mail address');
    await row(2).getByLabel('E-mail address').fill(RATERS[1].email);

    nomination = await downloadBytes(learner, 'Download the nomination file');
    expect(nomination.name).toBe('nomination-ana-ruiz.json');
    const file = JSON.parse(nomination.bytes.toString('utf8')) as { format: string; learner: { name: string }; framework_id: string; raters: unknown[] };
    expect(file.format).toBe('skillscope-nomination');
    expect(file.learner.name).toBe(LEARNER);
    expect(file.framework_id).toBe(FRAMEWORK);
    expect(file.raters).toEqual(RATERS.map((rater) => ({ ...rater })));
    await learner.getByText('Saved nomination-ana-ruiz.json.').waitFor();
    await expect(violations(learner)).resolves.toEqual([]);
    await panel.screenshot({ path: join(SCREENSHOTS_DIR, 'nominate-panel-1280.png') });
  });

  it('lets the coach start a campaign from the nomination, with names, addresses and a collection address on the links', async () => {
    await coach.goto(appUrl('#/coach'));
    await coach.getByRole('heading', { level: 1, name: 'Coach: confidential 360' }).waitFor();
    await coach.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await coach.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await coach.getByRole('button', { name: 'Create the key' }).click();
    await coach.getByText('Unlocked for this tab').waitFor({ timeout: 60_000 });
    await coach.getByRole('heading', { name: 'New campaign' }).waitFor();

    // A file that is not a valid nomination fills nothing in and says why.
    const broken = nomination.bytes.toString('utf8').replace('"manager"', '"boss"');
    await coach.getByLabel('Start from a nomination file (optional)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await coach.getByRole('alert').filter({ hasText: 'The nomination file was not read.' }).getByText(/raters\[0\]\.group must be one of manager, peer/).waitFor();
    await expect(coach.getByLabel("Learner's name").inputValue()).resolves.toBe('');

    await coach.getByLabel('Start from a nomination file (optional)').setInputFiles({ name: nomination.name, mimeType: 'application/json', buffer: nomination.bytes });
    await coach.getByText(`From ${nomination.name}: ${LEARNER} nominated 4 raters.`, { exact: false }).waitFor();
    await expect(coach.getByLabel("Learner's name").inputValue()).resolves.toBe(LEARNER);
    await expect(coach.getByLabel('Framework', { exact: true }).inputValue()).resolves.toBe(FRAMEWORK);
    const counts = coach.getByRole('group', { name: 'How many raters in each group?' });
    await expect(counts.getByLabel('Managers', { exact: true }).inputValue()).resolves.toBe('1');
    await expect(counts.getByLabel('Peers', { exact: true }).inputValue()).resolves.toBe('3');
    const listed = await coach.getByRole('list', { name: 'Nominated raters' }).locator('li').allTextContents();
    expect(listed).toEqual(RATERS.map((rater) => `${rater.name}, ${rater.group}: ${rater.email}`));

    // The coach may still change the counts: lowering one says who would go without a link.
    await counts.getByLabel('Peers', { exact: true }).fill('2');
    await coach.getByText(`no link is made for ${RATERS[3].name} (peer)`, { exact: false }).waitFor();
    await counts.getByLabel('Peers', { exact: true }).fill('3');
    await expect(coach.getByText('no link is made for', { exact: false }).count()).resolves.toBe(0);

    await coach.getByLabel('Your name, as raters and the learner will see it').fill('Dana Lee');
    await coach.getByLabel('Collection address (optional)').fill('https://elsewhere.example.test/in');
    await coach.getByText(/may only send responses to https:\/\/collect\.example\.test/).waitFor();
    await expect(coach.getByRole('button', { name: 'Create the campaign and 4 links' }).isDisabled()).resolves.toBe(true);
    await coach.getByLabel('Collection address (optional)').fill(ENDPOINT);
    await expect(violations(coach)).resolves.toEqual([]);
    await coach.locator('.campaign-form').screenshot({ path: join(SCREENSHOTS_DIR, 'coach-nomination-form-1280.png') });
    await coach.getByRole('button', { name: 'Create the campaign and 4 links' }).click();

    await coach.getByRole('heading', { name: `360 of ${LEARNER}` }).waitFor();
    const items = coach.locator('.campaign-links li');
    await expect(items.count()).resolves.toBe(4);
    const links = await items.evaluateAll((nodes) => nodes.map((node) => ({
      label: node.querySelector('label')?.textContent ?? '',
      url: (node.querySelector('input') as HTMLInputElement).value,
      mailto: node.querySelector('a[href^="mailto:"]')?.getAttribute('href') ?? '',
    })));
    expect(links.map((link) => link.label)).toEqual(RATERS.map((rater) => rater.name));
    const nominationText = nomination.bytes.toString('utf8');
    for (const [index, link] of links.entries()) {
      const rater = RATERS[index];
      // The address is the mailto's only recipient (percent-encoded where RFC 6068 asks, as `+`).
      expect(link.mailto.startsWith('mailto:')).toBe(true);
      expect(decodeURIComponent(link.mailto.slice('mailto:'.length, link.mailto.indexOf('?')))).toBe(rater?.email);
      expect(link.mailto.slice(link.mailto.indexOf('?'))).toMatch(/^\?subject=[^&]*&body=[^&]*$/);
      expect(decodeURIComponent(link.mailto)).toContain(`Hello ${rater?.name},`);
      expect(decodeURIComponent(link.mailto)).toContain(link.url);
      const decoded = await decodeConfidentialInvitation(link.url.slice(link.url.indexOf('#/rate/') + '#/rate/'.length));
      if (!decoded.ok) throw new Error(`The link does not decode: ${JSON.stringify(decoded.issues)}`);
      expect(decoded.value.endpoint).toBe(ENDPOINT);
      expect(decoded.value.manifest.learner.name).toBe(LEARNER);
      // The learner's file holds no token and no link: it was made before any existed.
      expect(nominationText).not.toContain(decoded.value.token);
      expect(nominationText).not.toContain(decoded.value.invitationId);
    }
    await expect(coach.getByRole('link', { name: `E-mail the link to ${RATERS[2].name}` }).count()).resolves.toBe(1);

    // The names, addresses and collection address are kept with the campaign.
    await coach.reload();
    await coach.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await coach.getByRole('button', { name: 'Unlock' }).click();
    await coach.getByRole('heading', { name: `360 of ${LEARNER}` }).waitFor({ timeout: 60_000 });
    const again = await coach.locator('.campaign-links li label').allTextContents();
    expect(again).toEqual(RATERS.map((rater) => rater.name));
    await expect(coach.locator('.campaign-links li input').first().inputValue()).resolves.toBe(links[0]?.url);

    await expect(violations(coach)).resolves.toEqual([]);
    await coach.locator('.campaign-links').screenshot({ path: join(SCREENSHOTS_DIR, 'coach-nominated-links-1280.png') });
    expect(foreign.flat()).toEqual([]);
  });
});
