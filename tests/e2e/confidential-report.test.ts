import { statSync } from 'node:fs';
import { join } from 'node:path';
import { generateIdentity } from 'age-encryption';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign } from '../../src/core/confidential/campaign.ts';
import { buildReport } from '../../src/core/confidential/campaign-report.ts';
import { coachKeys } from '../../src/core/confidential/coach-signing-key.ts';
import { type Report360, signReport } from '../../src/core/confidential/signed-report.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { scoreSubject } from '../../src/core/score/score-subject.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/score/thresholds.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import { figure, percent } from './support-confidential.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * The learner's side of a confidential 360 (issue 10, "Report"): the coach's report is made in
 * Node as `npm run coach -- open` makes it, and imported in Chromium as the learner would.
 */
const SUBJECT = 'ana-ruiz-4k7q';
let context: BrowserContext;
let foreign: string[];
let page: Page;
let fingerprint: string;
let report: Report360;
let jws: string;
let manifestJws: string;
let second: { report: Report360; jws: string };

/** A repeatable answer per statement: `shift` makes raters differ; some "Not observed". */
const answersOf = (framework: Framework, shift: number) =>
  new Map(framework.statements.map((statement, i) => [statement.id, (i * 7 + shift) % 11 === 5 ? null : ((((i + shift) * 5) % 4) + 1) as Rating]));

function response(framework: Framework, id: string, group: RaterGroup, shift: number, comment: string): SurveyResponse {
  return {
    responseId: id, frameworkId: framework.id, surveyId: `${framework.id}.${group === 'self' ? 'self' : '360'}`, subjectId: SUBJECT, raterGroup: group,
    submittedAt: '2026-05-20T10:00:00.000Z', answers: answersFromEntries(answersOf(framework, shift), framework), comments: new Map([['general', comment]]),
  };
}

/** The coach's campaign for a framework, the responses' report, signed. */
async function coachReport(identity: string, framework: Framework, comments: number, issuedOn: string) {
  const thresholds = { ...DEFAULT_THRESHOLDS, comments };
  const campaign = await createCampaign(
    { framework, learner: { name: 'Ana Ruiz', subjectId: SUBJECT }, coachName: 'Dana Lee', groups: { manager: 1, peer: 4 }, thresholds, createdOn: '2026-05-01', closesOn: '2026-05-31' },
    identity,
  );
  const responses = [
    response(framework, 'self-1', 'self', 2, 'I want to lead more'),
    response(framework, 'manager-1', 'manager', 0, 'Ready for a bigger team'),
    ...[1, 3, 5, 6].map((shift, i) => response(framework, `peer-${i}`, 'peer', shift, `Peer remark ${i + 1}`)),
  ];
  const score = scoreSubject(framework, responses, SUBJECT, { thresholds: campaign.manifest.thresholds });
  const built = await buildReport(campaign.manifest, score, identity, issuedOn);
  return { report: built, jws: await signReport(built, identity), manifestJws: campaign.jws };
}

beforeAll(async () => {
  const identity = await generateIdentity();
  fingerprint = (await coachKeys(identity)).fingerprint;
  // A comment threshold of 5: the four peers' comments, and the manager's, show only among all others'.
  const made = await coachReport(identity, builtinFramework('css-durable-skills'), 5, '2026-06-02');
  ({ report, jws, manifestJws } = made);
  const other = await coachReport(identity, builtinFramework('pipeline-it-support'), 3, '2026-06-09');
  second = { report: other.report, jws: other.jws };
  context = await launchPersistentContext();
  foreign = watchForeignRequests(context);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
});

/** The campaigns in the browser's `reports` store, read beside the app. */
function storedCampaigns(on: Page): Promise<string[]> {
  return on.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('skillscope');
        // Only ever read what the app made: never create the database in its place.
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('reports').objectStore('reports').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            resolve((all.result as { campaignId: string }[]).map((entry) => entry.campaignId).sort());
            db.close();
          };
        };
      }),
  );
}

const fileOf = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
const alertText = (on: Page) => on.locator('.report-import [role="alert"]').innerText();

describe('the learner imports the coach\'s signed 360 report', () => {
  it('opens the 360 reports page from the main navigation', async () => {
    await page.goto(appUrl('#/'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: '360 reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your 360 reports' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Import your report' }).waitFor();
    await page.getByText('Reading your reports…').waitFor({ state: 'detached' });
    await expect(storedCampaigns(page)).resolves.toEqual([]);
  });

  it('verifies the chosen report.jws and names the coach and the fingerprint to compare', async () => {
    await page.getByLabel('Choose the report file, or drop it here').setInputFiles(fileOf('report.jws', `${jws}\n`));
    await page.locator('#levels-table').waitFor();
    // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
    await page.locator('.statement-list').waitFor();
    await expect(page.locator('.report-import .banner-ok').innerText()).resolves.toMatch(/Imported the report; the signature checks out/);
    await expect(page.locator('.report-coach').innerText()).resolves.toBe('Dana Lee');
    await expect(page.locator('code.fingerprint').innerText()).resolves.toBe(fingerprint);
    await expect(page.getByText('Compare this fingerprint with the one your coach gave you').isVisible()).resolves.toBe(true);
    const source = await page.locator('.report-source').innerText();
    expect(source).toContain('signed by your coach, Dana Lee, on');
    await expect(page.locator('.report-source time').getAttribute('datetime')).resolves.toBe('2026-06-02');
    await expect(page.locator('.report-thresholds li').allInnerTexts()).resolves.toEqual([
      'Manager: 1 (shown on their own)', 'Peers: 3', 'Direct reports: 3', 'Other raters: 3', 'All others: 3', 'Comments: 5',
    ]);
    await expect(storedCampaigns(page)).resolves.toEqual([report.campaign_id]);
  });

  it('draws the radar charts, with the report\'s figures in the tables beside them', async () => {
    for (const slug of ['levels', 'domains']) {
      const painted = await page.locator(`[data-chart="${slug}"] canvas[role="img"]`).evaluate((canvas: HTMLCanvasElement) => {
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
        let count = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) count += 1;
        return count / Math.max(1, data.length / 4);
      });
      expect(painted, slug).toBeGreaterThan(0.02);
    }
    expect(report.groups_shown).toEqual(['self', 'manager', 'peer', 'others']);
    const rows = (kind: 'level' | 'domain') => report.axes.filter((row) => row.axis_kind === kind);
    await expect(page.locator('#levels-table tr[data-axis]').count()).resolves.toBe(rows('level').length);
    await expect(page.locator('#domains-table tr[data-axis]').count()).resolves.toBe(rows('domain').length);
    expect(rows('domain')).toHaveLength(40);
    for (const row of [...rows('level'), ...rows('domain')].filter((_, i) => i % 7 === 0)) {
      const cells = page.locator(`#${row.axis_kind === 'level' ? 'levels' : 'domains'}-table tr[data-axis="${row.axis_id}"][data-group="${row.rater_group}"]`);
      await expect(cells.locator('[data-figure="mean"]').innerText(), `${row.axis_id} ${row.rater_group}`).resolves.toBe(figure(row.mean));
      await expect(cells.locator('[data-figure="percent"]').innerText()).resolves.toBe(percent(row.percent));
      await expect(cells.locator('[data-figure="sd"]').innerText()).resolves.toBe(figure(row.sd));
      await expect(cells.locator('[data-figure="raters"]').innerText()).resolves.toBe(String(row.raters));
    }
  });

  it('shows each statement\'s self and others figures and the flags as the report gives them', async () => {
    const others = report.statements.filter((row) => row.rater_group === 'others');
    for (const row of others.filter((_, i) => i % 13 === 0)) {
      const item = page.locator(`.statement-list li[data-statement="${row.statement_id}"]`);
      await expect(item.locator('[data-figure="others"]').innerText()).resolves.toBe(`${figure(row.mean)} (${row.ratings} ${row.ratings === 1 ? 'rater' : 'raters'})`);
      await expect(item.locator('[data-figure="agreement"]').innerText()).resolves.toBe(figure(row.sd));
    }
    const flagged = (flag: string) => others.filter((row) => row.flag === flag).map((row) => row.statement_id);
    expect(flagged('blind-spot').length + flagged('hidden-strength').length).toBeGreaterThan(0);
    for (const flag of ['blind-spot', 'hidden-strength']) {
      await expect(page.locator(`.flagged.${flag} li`).evaluateAll((items) => items.map((item) => item.getAttribute('data-statement')))).resolves.toEqual(flagged(flag));
    }
  });

  it('gives the report\'s notices with the coach\'s thresholds, and the comments only where they are shown', async () => {
    expect(report.notices).toEqual([
      { group: 'manager', reason: 'comments-below-threshold', responses: 1 },
      { group: 'peer', reason: 'comments-below-threshold', responses: 4 },
    ]);
    const notice = page.locator('.visibility-notice');
    await expect(notice.locator('li[data-group="peer"][data-reason="comments-below-threshold"]').innerText()).resolves.toMatch(/^Peers \(4 responses\): figures shown, but comments not shown on their own: comments need 5 responses.*among the comments under "All others", with other groups' comments\./);
    await expect(notice.locator('li[data-group="manager"]').count()).resolves.toBe(1);
    const commentsOf = (group: string) => page.locator(`.comments [data-group="${group}"] q`).allInnerTexts();
    await expect(commentsOf('others')).resolves.toEqual(report.comments.filter((c) => c.rater_group === 'others').map((c) => c.text));
    await expect(commentsOf('others')).resolves.toEqual(['Peer remark 1', 'Peer remark 2', 'Peer remark 3', 'Peer remark 4', 'Ready for a bigger team']);
    await expect(commentsOf('self')).resolves.toEqual(['I want to lead more']);
    await expect(page.locator('.comments [data-group="peer"], .comments [data-group="manager"]').count()).resolves.toBe(0);
  });

  it('keeps the report across a reload, verified again', async () => {
    await page.reload();
    await page.locator('#levels-table').waitFor();
    // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
    await page.locator('.statement-list').waitFor();
    await expect(page.locator('code.fingerprint').innerText()).resolves.toBe(fingerprint);
    await expect(page.locator('.report-list').count()).resolves.toBe(0);
  });

  it('passes axe-core WCAG 2.1 AA with no violation, and reflows at 320 px with no horizontal scroll', async () => {
    await expect(axeViolations(page)).resolves.toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const path = join(SCREENSHOTS_DIR, `report-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      expect(statSync(path).size).toBeGreaterThan(5_000);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('a bad report is refused with a clear message, and nothing stored changes', () => {
  it('refuses a pasted report with one character of its payload changed', async () => {
    const [header = '', payload = '', signature = ''] = jws.split('.');
    const at = Math.floor(payload.length / 2);
    const tampered = `${header}.${payload.slice(0, at)}${payload[at] === 'A' ? 'B' : 'A'}${payload.slice(at + 1)}.${signature}`;
    await page.getByLabel("Or paste the report's text").fill(tampered);
    await page.getByRole('button', { name: 'Import the pasted report' }).click();
    const text = await alertText(page);
    expect(text).toContain('Nothing was imported.');
    expect(text).toMatch(/pasted report.*The signature does not match: the file was changed after it was signed/s);
    await expect(page.getByLabel("Or paste the report's text").inputValue()).resolves.toBe(tampered);
    await expect(storedCampaigns(page)).resolves.toEqual([report.campaign_id]);
    await expect(page.locator('code.fingerprint').innerText()).resolves.toBe(fingerprint);
  });

  it('refuses a dropped campaign manifest: another type of signed file', async () => {
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'manifest.jws', { type: 'text/plain' }));
      return transfer;
    }, manifestJws);
    await page.locator('.report-import .drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
    await expect(page.locator('.report-import [role="alert"]').filter({ hasText: 'manifest.jws' }).innerText()).resolves.toMatch(/is not a signed 360 report: it is a campaign manifest/);
    await expect(storedCampaigns(page)).resolves.toEqual([report.campaign_id]);
  });

  it('refuses a file that is no JWS at all, naming the file', async () => {
    await page.getByLabel('Choose the report file, or drop it here').setInputFiles(fileOf('notes.txt', 'Dear Ana, here are your results.'));
    await expect(page.locator('.report-import [role="alert"]').filter({ hasText: 'notes.txt' }).innerText()).resolves.toMatch(/not a signed 360 report: expected a signed text of three base64url parts/);
    await expect(storedCampaigns(page)).resolves.toEqual([report.campaign_id]);
  });
});

describe('several reports', () => {
  it('lists them, newest import first, and shows the one chosen', async () => {
    await page.getByLabel('Choose the report file, or drop it here').setInputFiles(fileOf('report.jws', second.jws));
    await page.locator('.report-list').waitFor();
    await expect(storedCampaigns(page)).resolves.toEqual([report.campaign_id, second.report.campaign_id].sort());
    await expect(page.locator('#profile-title').innerText()).resolves.toBe(second.report.framework.title);
    const entries = page.locator('.report-list button');
    await expect(entries.allInnerTexts()).resolves.toEqual([
      expect.stringContaining(second.report.framework.title),
      expect.stringContaining(report.framework.title),
    ]);
    await entries.nth(1).click();
    await expect(page.locator('#profile-title').innerText()).resolves.toBe(report.framework.title);
    await page.locator('#domains-table').waitFor();
    await expect(entries.nth(1).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it('says so when a stored report no longer verifies, and leaves it out', async () => {
    const [header = '', payload = '', signature = ''] = jws.split('.');
    const damaged = `${header}.${payload.slice(0, -3)}${payload.endsWith('A') ? 'B' : 'A'}${payload.slice(-2)}.${signature}`;
    await page.evaluate(
      (entry) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('skillscope');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('reports', 'readwrite');
            tx.objectStore('reports').put(entry);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      { campaignId: 'cmp-edited-in-storage', jws: damaged, importedAt: new Date().toISOString() },
    );
    await page.reload();
    await page.locator('.report-list').waitFor();
    await expect(page.locator('.banner-warn').innerText()).resolves.toBe('1 stored 360 report no longer reads back (the signature or the content no longer checks out) and is left out of this page.');
    await expect(page.locator('.report-list button').count()).resolves.toBe(2);
  });

  it('asks nothing of any origin but its own', () => {
    expect(foreign).toEqual([]);
  });
});
