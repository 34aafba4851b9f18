import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Report360, verifyReport } from '../../src/core/confidential/signed-report.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, launchBrowser, watchForeignRequests } from './browser.ts';
import { answerPattern, downloadBytes } from './support-360-flow.ts';
import { figure, percent, rateConfidential, type SealedFile, violations } from './support-confidential.ts';

/**
 * Issue 10, the whole confidential loop through the app's pages only, each party in a browser of
 * their own: the coach makes a key and a campaign of one manager and five peers; five raters
 * answer their links and send sealed files; the coach opens them and issues the report; the
 * learner imports it and reads the same figures the coach saw, and no rater's own answers. Then
 * the fifth peer answers late, and the coach's page holds the next report back until the coach
 * says they understand.
 */
const LEARNER = 'Ana Ruiz';
const COACH = 'Dana Lee';
const PASSPHRASE = 'a long walk through the orchard';
const PEER_COMMENT = 'Shares the prompts that worked with the whole team.';
const framework: Framework = builtinFramework('css-ai-at-work');

let browser: Browser;
let coachContext: BrowserContext;
let learnerContext: BrowserContext;
let coach: Page;
let learner: Page;
const foreign: string[][] = [];
let fingerprint = '';
let links: { label: string; url: string }[] = [];
const sealed: SealedFile[] = [];
let reportFile: SealedFile;
let report: Report360;

const rate = (url: string, shift: number, comment?: string) => rateConfidential(browser, { url, framework, learner: LEARNER, fingerprint }, answerPattern(shift), comment);
const addSealed = (files: SealedFile[]) =>
  coach.getByLabel('Choose sealed files, or drop them here').setInputFiles(files.map((file, index) => ({ name: `${index + 1}-${file.name}`, mimeType: 'application/octet-stream', buffer: file.bytes })));

/** What a profile page shows for some groups: the attained level overall, the whole-framework row of the gap table, and every row of the axis tables. */
function shownFigures(on: Page, groups: readonly string[]) {
  return on.evaluate((wanted) => {
    const cells = (row: Element) => Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent ?? '');
    const rows = (table: string) =>
      Array.from(document.querySelectorAll(`${table} tr[data-group]`))
        .filter((row) => wanted.includes(row.getAttribute('data-group') ?? ''))
        .map((row) => [row.getAttribute('data-axis'), row.getAttribute('data-group'), ...cells(row)].join(' | '));
    return {
      attained: Array.from(document.querySelectorAll('.attained-overall li[data-group]'))
        .filter((item) => wanted.includes(item.getAttribute('data-group') ?? ''))
        .map((item) => item.textContent ?? ''),
      wholeFramework: cells(document.querySelector('.gap-table tr[data-axis="all"]') ?? document.createElement('tr')),
      levels: rows('#levels-table'),
      domains: rows('#domains-table'),
    };
  }, [...groups]);
}

/** Every group that has a figure, an attained level or a comment on the page (notices aside). */
const groupsWithFigures = (on: Page): Promise<string[]> =>
  on.evaluate(() => [...new Set(Array.from(document.querySelectorAll('#levels-table tr[data-group], #domains-table tr[data-group], .attained-overall li[data-group], .comments [data-group]')).map((node) => node.getAttribute('data-group') ?? ''))].sort());

/** Raters per group, from the first axis of the levels table. */
const ratersShown = (on: Page): Promise<Record<string, number>> =>
  on.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const row of Array.from(document.querySelectorAll('#levels-table tr[data-group]'))) {
      counts[row.getAttribute('data-group') ?? ''] = Number(row.querySelector('[data-figure="raters"]')?.textContent ?? Number.NaN);
    }
    return counts;
  });

beforeAll(async () => {
  browser = await launchBrowser();
  coachContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  learnerContext = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  foreign.push(watchForeignRequests(coachContext), watchForeignRequests(learnerContext));
  coach = await coachContext.newPage();
  learner = await learnerContext.newPage();
});
afterAll(async () => {
  await coachContext?.close();
  await learnerContext?.close();
  await browser?.close();
});

describe('a confidential 360 from the coach\'s key to the learner\'s page, each party in a browser of their own', () => {
  it('the coach creates a key and a campaign of one manager and five peers, one link each', async () => {
    await coach.goto(appUrl('#/coach'));
    await coach.getByRole('heading', { level: 1, name: 'Coach: confidential 360' }).waitFor();
    await coach.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await coach.getByLabel('The same passphrase again').fill(PASSPHRASE);
    await coach.getByRole('button', { name: 'Create the key' }).click();
    await coach.getByText('Unlocked for this tab').waitFor({ timeout: 60_000 });
    fingerprint = (await coach.locator('.coach-fingerprint').textContent()) ?? '';
    expect(fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    await coach.getByLabel('Framework').selectOption(framework.id);
    await coach.getByLabel("Learner's name").fill(LEARNER);
    await coach.getByLabel('Your name, as raters and the learner will see it').fill(COACH);
    const counts = coach.getByRole('group', { name: 'How many raters in each group?' });
    await counts.getByLabel('Managers', { exact: true }).fill('1');
    await counts.getByLabel('Peers', { exact: true }).fill('5');
    await coach.getByRole('button', { name: 'Create the campaign and 6 links' }).click();
    await coach.getByRole('heading', { name: `360 of ${LEARNER}` }).waitFor();
    links = await coach.locator('.campaign-links li').evaluateAll((nodes) => nodes.map((node) => ({ label: node.querySelector('label')?.textContent ?? '', url: (node.querySelector('input') as HTMLInputElement).value })));
    expect(links.map((link) => link.label)).toEqual(['Manager 1', 'Peer 1', 'Peer 2', 'Peer 3', 'Peer 4', 'Peer 5']);
  });

  it('the manager and four peers answer, each in their own browser, with different answers and one comment, and send sealed files', async () => {
    for (const [index, link] of links.slice(0, 5).entries()) sealed.push(await rate(link.url, index + 1, link.label === 'Peer 2' ? PEER_COMMENT : undefined));
    expect(sealed).toHaveLength(5);
    for (const file of sealed) expect(file.bytes.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    expect(new Set(sealed.map((file) => file.bytes.toString('base64'))).size).toBe(5);
  });

  it('the coach adds the five sealed files, sees the 360 and downloads the report', async () => {
    await addSealed(sealed);
    await coach.getByText('Added 5 responses; each opened with your key.').waitFor({ timeout: 60_000 });
    await expect(coach.getByRole('list', { name: 'Responses received per group' }).textContent()).resolves.toBe('Manager: 1Peers: 4All others: 5');
    reportFile = await downloadBytes(coach, 'Download the report for the learner');
    const verified = await verifyReport(reportFile.bytes.toString('utf8').trim(), reportFile.name, { fingerprint });
    if (!verified.ok) throw new Error(`The report does not verify: ${JSON.stringify(verified.issues)}`);
    report = verified.value;
    // The manager is shown on their own (the default threshold of 1), and subtracting them and the peers from all others leaves no one.
    expect(report.groups_shown).toEqual(['manager', 'peer', 'others']);
  });

  it('the learner imports the report on their page and sees the coach\'s figures for peers and all others, and the peer\'s comment under the peers', async () => {
    await learner.goto(appUrl('#/report'));
    await learner.getByRole('heading', { level: 1, name: 'Your 360 reports' }).waitFor();
    await learner.getByLabel('Choose the report file, or drop it here').setInputFiles({ name: reportFile.name, mimeType: 'text/plain', buffer: reportFile.bytes });
    await learner.locator('#levels-table').waitFor();
    await expect(learner.locator('.report-import .banner-ok').innerText()).resolves.toMatch(/signature checks out/);
    await expect(learner.locator('code.fingerprint').innerText()).resolves.toBe(fingerprint);

    const seen = await shownFigures(learner, ['peer', 'others']);
    // The same as the coach's own view of the 360, figure for figure.
    expect(seen).toEqual(await shownFigures(coach, ['peer', 'others']));
    // And as the signed report has them, for the whole framework.
    const whole = (group: string) => report.axes.find((row) => row.axis_kind === 'framework' && row.rater_group === group);
    expect(seen.levels.length).toBeGreaterThan(0);
    expect(seen.wholeFramework[1]).toBe(figure(whole('others')?.mean ?? null));
    expect(seen.attained).toHaveLength(2);
    for (const group of ['peer', 'others']) {
      const row = learner.locator(`#levels-table tr[data-group="${group}"]`).first();
      const first = report.axes.find((axis) => axis.axis_kind === 'level' && axis.rater_group === group);
      await expect(row.locator('[data-figure="mean"]').innerText()).resolves.toBe(figure(first?.mean ?? null));
      await expect(row.locator('[data-figure="percent"]').innerText()).resolves.toBe(percent(first?.percent ?? null));
    }
    await expect(ratersShown(learner)).resolves.toMatchObject({ peer: 4, others: 5 });
    await expect(learner.locator('.comments [data-group="peer"] q').allInnerTexts()).resolves.toEqual([PEER_COMMENT]);
  });

  it('shows no single rater\'s answers on the learner\'s page: only the report\'s shown groups, none recoverable by subtraction', async () => {
    // Figures, levels and comments only for the groups the report shows; a group folded or hidden appears in the notices alone.
    await expect(groupsWithFigures(learner)).resolves.toEqual([...report.groups_shown].sort());
    for (const notice of report.notices.filter((entry) => !report.groups_shown.includes(entry.group))) {
      await expect(learner.locator(`.visibility-notice li[data-group="${notice.group}"]`).count(), notice.group).resolves.toBe(1);
    }
    const raters = await ratersShown(learner);
    for (const [group, count] of Object.entries(raters)) {
      // A group of one is shown only where the coach's threshold says so (the manager, shown on their own by default).
      const threshold = report.thresholds[group as keyof Report360['thresholds']];
      expect(count, group).toBeGreaterThanOrEqual(threshold);
      if (count < 2) expect(threshold, group).toBe(1);
    }
    // All others less every group shown: none, or enough that no one of them can be read off.
    const remainder = (raters.others ?? 0) - Object.entries(raters).filter(([group]) => group !== 'others').reduce((sum, [, count]) => sum + count, 0);
    expect(remainder === 0 || remainder >= report.thresholds.others).toBe(true);
    // No rater's own file, token or link reaches the learner.
    const text = await learner.locator('main').innerText();
    for (const link of links) expect(text).not.toContain(link.url.slice(-24));
  });

  it('passes axe-core on the learner\'s page with the report shown', async () => {
    await expect(violations(learner)).resolves.toEqual([]);
  });

  it('holds back the next report, once the fifth peer answers late, until the coach ticks that they understand', async () => {
    const late = await rate(links[5]?.url ?? '', 6);
    await addSealed([late]);
    await coach.getByText('Added 1 response; each opened with your key.').waitFor({ timeout: 60_000 });
    await expect(coach.getByRole('list', { name: 'Responses received per group' }).textContent()).resolves.toBe('Manager: 1Peers: 5All others: 6');
    const warning = coach.getByRole('alert').filter({ hasText: 'Late responses' });
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain('1 peer responded after the report of');
    const download = coach.getByRole('button', { name: 'Download the report for the learner' });
    await expect(download.isDisabled()).resolves.toBe(true);

    await coach.getByLabel(/I understand that Ana Ruiz could work out the late raters' answers/).check();
    await expect(download.isEnabled()).resolves.toBe(true);
    const next = await downloadBytes(coach, 'Download the report for the learner');
    const verified = await verifyReport(next.bytes.toString('utf8').trim(), next.name, { fingerprint, campaignId: report.campaign_id });
    if (!verified.ok) throw new Error(`The second report does not verify: ${JSON.stringify(verified.issues)}`);
    expect(verified.value.axes.find((row) => row.axis_kind === 'framework' && row.rater_group === 'peer')?.raters).toBe(5);
  });

  it('asks nothing of any origin but the app\'s own, for the coach or the learner', () => {
    expect(foreign.flat()).toEqual([]);
  });
});
