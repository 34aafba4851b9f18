import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { build } from 'vite';
import { servePrecompressed } from './precompressed-server.ts';

/**
 * What the browser bench sections share: Debian's Chromium, the app built as it ships and served
 * as a static host serves it (precompressed), and fresh contexts with the app's storage seeded before the first visit.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * `WebUIOmniboxPopup` off: after a page of a context had closed (the seed page of an app route),
 * Chromium 156 loaded its own address-bar popup, about 50 chrome:// modules, in another renderer,
 * on the two cores the next page is measured on. Chrome traces showed it in both profile loads
 * traced, and in neither load of the React + radars page, which then wrote no storage first.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=WebUIOmniboxPopup'];
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const VIEWPORT = { width: 1280, height: 900 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed when the bench process exits. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `skillscope-bench-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

const appBuilds = new Map<boolean, Promise<string>>();

/**
 * The app built with the project's vite.config.ts, once per process. The unminified variant
 * keeps function names and rolldown's `//#region src/...` comments, so a CPU profile of it says
 * which source file the time went to.
 */
export function buildApp(minify = true): Promise<string> {
  let building = appBuilds.get(minify);
  if (building === undefined) {
    const outDir = tempDir(minify ? 'app' : 'app-unminified');
    building = build({ root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true, minify } }).then(() => outDir);
    appBuilds.set(minify, building);
  }
  return building;
}

export type Served = { url: string; origin: string; close(): Promise<void> };

/**
 * A built folder on a free loopback port, each file gzipped once at startup and sent as stored
 * (precompressed-server.ts), as a static host or CDN serves it. Until issue 13 this was `vite
 * preview`, which gzips every response as it sends it, on the cores the browser is measured on.
 */
export async function serve(outDir: string): Promise<Served> {
  const server = await servePrecompressed(outDir);
  return { url: `${server.origin}/`, origin: server.origin, close: () => server.close() };
}

export type StoredLearner = { subjectId: string; displayName: string };
export type StoredResponseRecord = { responseId: string; subjectId: string; frameworkId: string; json: string; storedAt: string };
export type AppSeed = { learner?: StoredLearner; responses?: StoredResponseRecord[] };

/**
 * Writes the app's IndexedDB before its first visit, from a blank page of the same origin whose
 * HTML is answered by the bench: nothing of the app is fetched, so the HTTP cache stays cold. The
 * schema mirrors src/app/storage/db.ts (version 4); the app then opens it without an upgrade.
 */
export async function seedAppStorage(context: BrowserContext, origin: string, seed: AppSeed): Promise<void> {
  const page = await context.newPage();
  const blank = `${origin}/__bench-seed.html`;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  await page.goto(blank);
  await page.evaluate(async ({ learner, responses }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('skillscope', 4);
      request.onupgradeneeded = () => {
        const created = request.result;
        created.createObjectStore('drafts', { keyPath: 'key' });
        created.createObjectStore('responses', { keyPath: 'responseId' }).createIndex('bySubject', ['subjectId', 'frameworkId']);
        created.createObjectStore('frameworks', { keyPath: 'id' });
        created.createObjectStore('settings');
        created.createObjectStore('submissions', { keyPath: 'invitationId' });
        created.createObjectStore('deliveries', { keyPath: ['responseId', 'endpoint'] });
        created.createObjectStore('invitations', { autoIncrement: true }).createIndex('byLearner', ['frameworkId', 'subjectId']);
        created.createObjectStore('sealedSubmissions', { keyPath: 'invitationId' });
        created.createObjectStore('reports', { keyPath: 'campaignId' });
        created.createObjectStore('coachKeys', { keyPath: 'id' });
        created.createObjectStore('campaigns', { keyPath: 'campaignId' });
        created.createObjectStore('sealedInputs', { keyPath: 'id' }).createIndex('byCampaign', 'campaignId');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['settings', 'responses'], 'readwrite');
    if (learner) tx.objectStore('settings').put(learner, 'learner');
    for (const response of responses ?? []) tx.objectStore('responses').put(response);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, seed);
  await page.close();
}

/** What the probes installed in every page have seen, in ms since navigation start. */
export type Probes = {
  /** The first survey question with a rating that can be clicked. */
  question: number | null;
  /** When each canvas received its first drawing: after the task that drew it. */
  canvasDrawn: number[];
  /** When the team table first held the number of rows asked for. */
  teamRows: number | null;
  /** When the app's Suspense fallback ("Loading…" while a route's code loads) first appeared, and when it went. */
  fallbackShown: number | null;
  fallbackGone: number | null;
  longTasks: { start: number; duration: number }[];
};

export type ProbeOptions = { teamRows: number };

/**
 * Runs in each page before its own scripts (addInitScript): a MutationObserver for the survey's
 * first question and the team table, the canvas drawing calls wrapped to note each chart's first
 * frame, and every long task. Self-contained: Playwright sends its source text to the page.
 */
export function installProbes(options: ProbeOptions): void {
  const probes: Probes = { question: null, canvasDrawn: [], teamRows: null, fallbackShown: null, fallbackGone: null, longTasks: [] };
  (window as unknown as { __bench: Probes }).__bench = probes;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probes.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: the figure is then left empty.
  }
  const drawn = new WeakSet<HTMLCanvasElement>();
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['fill', 'stroke', 'fillText', 'fillRect']) {
    const original = proto[name];
    if (original === undefined) continue;
    proto[name] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      const canvas = this.canvas;
      if (!drawn.has(canvas)) {
        drawn.add(canvas);
        // chart.js draws a whole chart in one synchronous call: the microtask runs when it is done.
        queueMicrotask(() => probes.canvasDrawn.push(performance.now()));
      }
      return original.apply(this, args);
    };
  }
  const check = () => {
    if (probes.fallbackGone === null) {
      const fallback = [...document.querySelectorAll('main > [role="status"]')].some((node) => node.textContent === 'Loading…');
      if (fallback && probes.fallbackShown === null) probes.fallbackShown = performance.now();
      else if (!fallback && probes.fallbackShown !== null) probes.fallbackGone = performance.now();
    }
    if (probes.question === null) {
      const input = document.querySelector<HTMLInputElement>('.sd-question input[type="radio"]');
      if (input !== null && !input.disabled) probes.question = performance.now();
    }
    if (probes.teamRows === null && options.teamRows > 0 && document.querySelectorAll('.team-table tbody tr').length >= options.teamRows) {
      probes.teamRows = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/** A fresh context with the probes installed, and its storage seeded when asked. */
export async function freshContext(browser: Browser, origin: string, seed: AppSeed | null, options: ProbeOptions = { teamRows: 0 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx compiles with esbuild's keepNames: functions sent to the page call its __name helper.
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await context.addInitScript(installProbes, options);
  if (seed !== null) await seedAppStorage(context, origin, seed);
  return context;
}

/**
 * A browser with a profile on disk, as a learner's is: IndexedDB then writes to disk, where a
 * fresh context of launchChromium() keeps it in memory.
 */
export async function persistentContext(origin: string, seed: AppSeed | null): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(tempDir('profile'), { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: VIEWPORT });
  await context.addInitScript({ content: 'globalThis.__name ??= (target) => target;' });
  await context.addInitScript(installProbes, { teamRows: 0 });
  if (seed !== null) await seedAppStorage(context, origin, seed);
  return context;
}

export const kilobytes = (bytes: number): number => bytes / 1000;

/** Browser timings swing with whatever else the machine runs: say how busy it was. */
export function machineLoadNote(): string {
  const [one = 0, five = 0] = loadavg();
  return `Machine load average when the section ended: ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min).`;
}
