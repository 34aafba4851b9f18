import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Campaign, createCampaign } from '../../src/core/confidential/campaign.ts';
import { generateCoachIdentity, wrapIdentity, writeIdentityFile } from '../../src/core/confidential/coach-identity.ts';
import { coachKeys } from '../../src/core/confidential/coach-signing-key.ts';
import { encodeConfidentialInvitation } from '../../src/core/confidential/confidential-invitation.ts';
import { sealResponse } from '../../src/core/confidential/sealed-response.ts';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { NOT_APPLICABLE_LABEL, RATING_LABELS, type Rating } from '../../src/core/model/rating-scale.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/score/thresholds.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { BENCH_FRAMEWORK_ID } from './app-fixtures.ts';
import { buildApp, freshContext, launchChromium, machineLoadNote, serve, tempDir } from './browser-harness.ts';
import { atMost, type BenchSection, formatNumber, median } from './bench-table.ts';
import { moduleNamer, startProfiler, timeByModule } from './cpu-profile.ts';
import { syntheticResponses } from './synthetic-data.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * The confidential 360 (issue 10) in Chromium: sealing on the rater's page when Complete is
 * pressed, and the coach's page opening 500 sealed files, against the data page importing 500
 * open response files as tests/bench/import.ts does.
 */

const SEAL_RUNS = 7;
const FILES = 500;
const OPEN_RUNS = 3;
const SEAL_LIMIT_MS = 50;
const RATIO_LIMIT = 2;
const PASSPHRASE = 'bench passphrase, long enough';
const TODAY = new Date().toISOString().slice(0, 10);
const IN_A_MONTH = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function campaignOf(framework: Framework, identity: string, peers: number): Promise<Campaign> {
  return createCampaign(
    { framework, learner: { name: 'Ana Ruiz', subjectId: 'ana-ruiz' }, coachName: 'Dana Lee', groups: { peer: peers }, thresholds: { ...DEFAULT_THRESHOLDS }, createdOn: TODAY, closesOn: IN_A_MONTH },
    identity,
  );
}

/** Puts records into the app's stores, from a blank page of the app's origin (the schema made by freshContext's seed). */
async function putRecords(context: BrowserContext, origin: string, records: { store: string; value: unknown }[]): Promise<void> {
  const page = await context.newPage();
  const blank = `${origin}/__bench-confidential.html`;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  await page.goto(blank);
  await page.evaluate(async (entries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('skillscope');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction([...new Set(entries.map((entry) => entry.store))], 'readwrite');
    for (const { store, value } of entries) {
      // Bytes travel as arrays of numbers: the app stores them as a Uint8Array.
      const record = value as Record<string, unknown>;
      tx.objectStore(store).put(Array.isArray(record.backup) ? { ...record, backup: new Uint8Array(record.backup as number[]) } : record);
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
  await page.close();
}

// --- (a) sealing on the rater's page ---------------------------------------------------------

type SealWatch = { clickAt: number | null; shownAt: number | null; paintedAt: number | null; sealedAt: number | null };

/** In the page: the Complete click's time stamp, the app's 'skillscope:sealed' mark, and when the sealed code is on screen, then painted. */
function watchSealing(): void {
  const watch: SealWatch = { clickAt: null, shownAt: null, paintedAt: null, sealedAt: null };
  (window as unknown as { __seal: SealWatch }).__seal = watch;
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button, input') : null;
    const text = target instanceof HTMLInputElement ? target.value : (target?.textContent ?? '');
    if (watch.clickAt === null && event.isTrusted && text.trim() === 'Complete') watch.clickAt = event.timeStamp;
  }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'skillscope:sealed' && watch.sealedAt === null) watch.sealedAt = entry.startTime;
  }).observe({ type: 'mark' });
  const observer = new MutationObserver(() => {
    if (watch.shownAt !== null) return;
    const code = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')).some((field) => field.value.startsWith('SKS1.'));
    if (!code) return;
    watch.shownAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => {
      watch.paintedAt = performance.now();
    }, 0));
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
}

/** Answers every page of the survey on screen but does not complete it; the draft then holds every answer. */
async function answerAllButComplete(page: Page, framework: Framework): Promise<void> {
  const ids = framework.statements.map((statement) => statement.id);
  const rating = (index: number): Rating | null => (index % 13 === 6 ? null : (((index * 3) % 4) + 1) as Rating);
  await page.locator('.sd-question').first().waitFor({ timeout: 60_000 });
  for (;;) {
    const visible = await page.locator('[data-name]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-name') ?? ''));
    for (const id of visible.filter((name) => ids.includes(name))) {
      const answer = rating(ids.indexOf(id));
      await page.locator(`[data-name="${id}"]`).getByText(answer === null ? NOT_APPLICABLE_LABEL.rater : RATING_LABELS[answer], { exact: true }).click();
    }
    if (await page.getByRole('button', { name: 'Complete' }).isVisible()) return;
    await page.getByRole('button', { name: 'Next' }).click();
    const first = visible.find((name) => ids.includes(name));
    if (first !== undefined) await page.locator(`[data-name="${first}"]`).waitFor({ state: 'detached' });
  }
}

/** The drafts this browser keeps, once one of them holds an answer to every statement. */
async function completeDrafts(page: Page, count: number): Promise<unknown[]> {
  const handle = await page.waitForFunction(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('skillscope');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const drafts = await new Promise<{ data: Record<string, unknown> }[]>((resolve) => {
      const all = db.transaction('drafts').objectStore('drafts').getAll();
      all.onsuccess = () => resolve(all.result as { data: Record<string, unknown> }[]);
    });
    db.close();
    return drafts.some((draft) => Object.keys(draft.data).length >= wanted) ? drafts : null;
  }, count, { timeout: 30_000, polling: 200 });
  return (await handle.jsonValue()) as unknown[];
}

type SealRun = { sealed: number; shown: number; painted: number };

async function sealingRuns(browser: Browser, origin: string, framework: Framework, url: string): Promise<SealRun[]> {
  // Answered once through the page; each timed run starts from that saved draft, on the last page.
  const first = await freshContext(browser, origin, null);
  let drafts: unknown[];
  try {
    const page = await first.newPage();
    await page.goto(url);
    await answerAllButComplete(page, framework);
    drafts = await completeDrafts(page, framework.statements.length);
  } finally {
    await first.close();
  }
  const runs: SealRun[] = [];
  for (let run = 0; run < SEAL_RUNS + 1; run += 1) {
    const context = await freshContext(browser, origin, {});
    try {
      await putRecords(context, origin, drafts.map((value) => ({ store: 'drafts', value })));
      const page = await context.newPage();
      await page.goto(url);
      const complete = page.getByRole('button', { name: 'Complete' });
      await complete.waitFor({ timeout: 60_000 });
      await page.evaluate(watchSealing);
      await complete.click();
      await page.waitForFunction(() => (window as unknown as { __seal: SealWatch }).__seal.paintedAt !== null, undefined, { timeout: 60_000, polling: 50 });
      const watch = await page.evaluate(() => (window as unknown as { __seal: SealWatch }).__seal);
      const { clickAt, sealedAt, shownAt, paintedAt } = watch;
      if (clickAt === null || shownAt === null || paintedAt === null) throw new Error(`The sealing was not seen: ${JSON.stringify(watch)}`);
      // The first run warms up (the sealing code's first use); it is not counted.
      if (run > 0) runs.push({ sealed: sealedAt === null ? Number.NaN : sealedAt - clickAt, shown: shownAt - clickAt, painted: paintedAt - clickAt });
    } finally {
      await context.close();
    }
  }
  return runs;
}

// --- (b) 500 sealed files on #/coach against 500 open files on #/data --------------------------

type AddWatch = { changeAt: number | null; doneAt: number | null; viewAt: number | null; message: string | null; failed: string | null };

/** In the page: from the file input's change event to the page's message, and to the 360 counting every file. */
function watchAdding(expected: { done: string; view: string | null }): void {
  const watch: AddWatch = { changeAt: null, doneAt: null, viewAt: null, message: null, failed: null };
  (window as unknown as { __add: AddWatch }).__add = watch;
  document.addEventListener('change', (event) => {
    if (watch.changeAt === null && event.target instanceof HTMLInputElement && event.target.type === 'file') watch.changeAt = performance.now();
  }, true);
  const done = new RegExp(expected.done);
  new MutationObserver(() => {
    if (watch.changeAt === null) return;
    const ok = Array.from(document.querySelectorAll('.banner-ok')).map((node) => node.textContent ?? '').find((text) => done.test(text));
    if (watch.doneAt === null && ok !== undefined) {
      watch.doneAt = performance.now();
      watch.message = ok;
    }
    if (watch.viewAt === null && expected.view !== null && (document.querySelector('[aria-label="Responses received per group"]')?.textContent ?? '').includes(expected.view)) watch.viewAt = performance.now();
    const error = document.querySelector('.banner-error, .issue-list');
    if (error !== null && watch.failed === null) watch.failed = (error.textContent ?? '').slice(0, 400);
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

type AddRun = { ms: number; viewMs: number | null; message: string };

async function timedAdd(page: Page, input: string, paths: readonly string[], expected: { done: string; view: string | null }): Promise<AddRun> {
  await page.evaluate(watchAdding, expected);
  await page.locator(input).setInputFiles([...paths]);
  await page.waitForFunction((needView) => {
    const watch = (window as unknown as { __add: AddWatch }).__add;
    return watch.failed !== null || (watch.doneAt !== null && (!needView || watch.viewAt !== null));
  }, expected.view !== null, { timeout: 300_000, polling: 100 });
  const watch = await page.evaluate(() => (window as unknown as { __add: AddWatch }).__add);
  if (watch.failed !== null) throw new Error(`The files were refused: ${watch.failed}`);
  if (watch.changeAt === null || watch.doneAt === null) throw new Error('The import was not seen to start or end.');
  return { ms: watch.doneAt - watch.changeAt, viewMs: watch.viewAt === null ? null : watch.viewAt - watch.changeAt, message: watch.message ?? '' };
}

async function openFilesOnDataPage(browser: Browser, origin: string, paths: readonly string[]): Promise<AddRun> {
  const context = await freshContext(browser, origin, null);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/#/data`);
    await page.locator('input[type="file"][multiple]:enabled').waitFor();
    return await timedAdd(page, 'input[type="file"][multiple]', paths, { done: '^Imported \\d+ response', view: null });
  } finally {
    await context.close();
  }
}

type CoachSeed = { key: Record<string, unknown>; campaign: Record<string, unknown> };

/** With `profileIn`, the run is also sampled by V8's profiler and its time by module returned (an unminified build names the modules). */
async function sealedFilesOnCoachPage(browser: Browser, origin: string, seed: CoachSeed, paths: readonly string[], profileIn?: string): Promise<AddRun & { byModule?: string[] }> {
  const context = await freshContext(browser, origin, {});
  try {
    await putRecords(context, origin, [{ store: 'coachKeys', value: seed.key }, { store: 'campaigns', value: seed.campaign }]);
    const page = await context.newPage();
    await page.goto(`${origin}/#/coach`);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('Unlocked for this tab').waitFor({ timeout: 120_000 });
    const input = page.getByLabel('Choose sealed files, or drop them here');
    await input.waitFor({ timeout: 60_000 });
    const id = await input.getAttribute('id');
    const stop = profileIn === undefined ? undefined : await startProfiler(page);
    const run = await timedAdd(page, `[id="${id}"]`, paths, { done: '^Added \\d+ responses', view: `Peers: ${paths.length}` });
    if (stop === undefined || profileIn === undefined) return run;
    return { ...run, byModule: timeByModule(await stop(), moduleNamer(profileIn), 10) };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => formatNumber(value, 0);

export const confidentialBrowser: BenchSection = {
  name: 'confidential-browser',
  async run() {
    const framework = builtinFramework(BENCH_FRAMEWORK_ID);
    const identity = await generateCoachIdentity();
    const keys = await coachKeys(identity);
    const dir = tempDir('confidential-browser');
    mkdirSync(join(dir, 'sealed'));
    mkdirSync(join(dir, 'open'));

    // 500 peers answered and sealed in Node beforehand (untimed), as raters' pages would have.
    const campaign = await campaignOf(framework, identity, FILES);
    const recipient = campaign.manifest.coach.recipient;
    const sealedPaths: string[] = [];
    for (const [index, invitation] of campaign.invitations.entries()) {
      const answers = new Map(framework.statements.map((statement, i) => [statement.id, ((i * 7 + index) % 11 === 5 ? null : (((i + index) % 4) + 1)) as Rating | null]));
      const content = { campaignId: campaign.manifest.campaign_id, token: invitation.token, submittedOn: TODAY, answers: answersFromEntries(answers, framework), comments: new Map(index % 10 === 0 ? [['general', 'Explains clearly and follows up.']] : []) };
      const path = join(dir, 'sealed', `sealed-${String(index + 1).padStart(3, '0')}.age`);
      writeFileSync(path, await sealResponse(content, recipient));
      sealedPaths.push(path);
    }
    // The same 500 open files tests/bench/import.ts imports.
    const openPaths = syntheticResponses(framework, { subjects: 100, responses: FILES, seed: 500 }).map((response, index) => {
      const path = join(dir, 'open', `response-${String(index + 1).padStart(3, '0')}.json`);
      writeFileSync(path, writeResponseFile(response));
      return path;
    });
    const backup = await wrapIdentity(await writeIdentityFile(identity, new Date()), PASSPHRASE);
    const seed: CoachSeed = {
      key: { id: 'coach', backup: Array.from(backup), recipient: keys.recipient, fingerprint: keys.fingerprint, createdAt: new Date().toISOString() },
      campaign: { campaignId: campaign.manifest.campaign_id, jws: campaign.jws, invitations: campaign.invitations.map(({ invitationId, group, token }) => ({ invitationId, group, token })), createdAt: new Date().toISOString(), issued: null },
    };
    // One more campaign for the rater's page: a link of its own.
    const rateCampaign = await campaignOf(framework, identity, 3);
    const [invitation] = rateCampaign.invitations;
    if (invitation === undefined) throw new Error('The campaign has no invitation.');

    const server = await serve(await buildApp());
    const browser = await launchChromium();
    try {
      const url = `${server.url}#/rate/${encodeConfidentialInvitation(rateCampaign.jws, invitation.invitationId, invitation.token)}`;
      const seals = await sealingRuns(browser, server.origin, framework, url);
      const coachRuns: AddRun[] = [];
      const dataRuns: AddRun[] = [];
      for (let run = 0; run < OPEN_RUNS; run += 1) {
        dataRuns.push(await openFilesOnDataPage(browser, server.origin, openPaths));
        coachRuns.push(await sealedFilesOnCoachPage(browser, server.origin, seed, sealedPaths));
      }
      // Where the coach's page spends that time: one more run, untimed, on the unminified build.
      const unminified = await buildApp(false);
      const profiled = await serve(unminified);
      const profile = await sealedFilesOnCoachPage(browser, profiled.origin, seed, sealedPaths, unminified).finally(() => profiled.close());
      const sealed = median(seals.map((run) => run.sealed));
      const shown = median(seals.map((run) => run.shown));
      const painted = median(seals.map((run) => run.painted));
      const coachMs = median(coachRuns.map((run) => run.ms));
      const viewMs = median(coachRuns.map((run) => run.viewMs ?? Number.NaN));
      const dataMs = median(dataRuns.map((run) => run.ms));
      const ratio = coachMs / dataMs;
      const list = (values: number[]) => values.map(ms).join(', ');
      return {
        title: `confidential-browser: sealing on the rater's page, and ${FILES} sealed files on the coach's page, in Chromium`,
        figures: [
          { name: `Complete pressed to sealed (${framework.statements.length} statements, median of ${seals.length})`, value: formatNumber(sealed, 1), unit: 'ms', target: atMost(sealed, SEAL_LIMIT_MS, `<= ${SEAL_LIMIT_MS} ms`) },
          { name: '  to the sealed code shown', value: formatNumber(shown, 1), unit: 'ms' },
          { name: '  to that frame painted', value: formatNumber(painted, 1), unit: 'ms' },
          { name: `${FILES} open response files on #/data (median of ${OPEN_RUNS})`, value: ms(dataMs), unit: 'ms' },
          { name: `${FILES} sealed files on #/coach, to "Added ${FILES} responses"`, value: ms(coachMs), unit: 'ms' },
          { name: '  ratio, sealed on #/coach to open on #/data', value: formatNumber(ratio, 2), unit: '×', target: atMost(ratio, RATIO_LIMIT, `<= ${RATIO_LIMIT}×`) },
          { name: `  to the 360 counting ${FILES} peers`, value: ms(viewMs), unit: 'ms' },
        ],
        notes: [
          `Sealing: one confidential link to ${framework.id} answered through the page once; each run is a fresh context holding that saved draft,`,
          `  on the survey's last page. Timed in the page from the Complete click's time stamp to the app's performance mark 'skillscope:sealed'`,
          `  (src/app/confidential/seal-answers.ts, set when the file and the code are both sealed): the sealing, and SurveyJS completing before it,`,
          `  so an upper bound of the sealing itself. Then to the sealed code in the page (after storing it and deleting the draft), and painted.`,
          `  Runs (sealed / shown, ms): ${seals.map((run) => `${formatNumber(run.sealed, 1)} / ${formatNumber(run.shown, 1)}`).join(', ')}; one more run before them, not counted.`,
          `Coach: a campaign of ${FILES} peer invitations made in Node, each answered (~10% with a comment) and sealed with sealResponse (untimed);`,
          '  the coach\'s key (its passphrase backup) and the campaign stored before the visit, the key unlocked on #/coach (untimed), then the',
          `  ${FILES} .age files chosen at once. Data: the ${FILES} response files of the import section (syntheticResponses, seed 500) on #/data.`,
          '  Both timed in the page from the file input\'s change event to the page\'s message ("Added N responses; each opened with your key." /',
          `  "Imported N responses"), fresh context each, alternating. Runs, ms: #/data ${list(dataRuns.map((run) => run.ms))}; #/coach ${list(coachRuns.map((run) => run.ms))}.`,
          `  Where the coach's page spent one more run (V8 sampling profiler, unminified build, self time by module): ${(profile.byModule ?? []).join(', ')}.`,
          machineLoadNote(),
        ],
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
