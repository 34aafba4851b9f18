import type { Browser, Page } from 'playwright-core';
import type { Framework } from '../../src/core/model/framework.ts';
import { RATING_LABELS, type Rating } from '../../src/core/model/rating-scale.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { type AppSeed, buildApp, freshContext, launchChromium, machineLoadNote, persistentContext, type Probes, serve } from './browser-harness.ts';
import { BARE_RADAR_PAGE, BARE_REACT_RADAR_PAGE, BARE_SURVEY_PAGE, serveBarePages } from './bare-pages.ts';
import { moduleNamer, openProfiled, timeByModule } from './cpu-profile.ts';
import { BENCH_FRAMEWORK_ID, BENCH_LEARNER, completedSelfResponse, profileRadars, storedRecord } from './app-fixtures.ts';
import { atMost, type BenchSection, formatNumber, median } from './bench-table.ts';

/**
 * Cold loads of the two heavy routes against bare pages that do only what the route must: the
 * survey with survey-react-ui, the radar with chart.js. Times are read inside the page, from
 * navigation start (performance.now()), by the probes of browser-harness.ts.
 */

/** Issue 13: the median of 9 cold loads of each page, the pages taking turns. */
const RUNS = 9;
const SAVE_CLICKS = 10;
const SURVEY_RATIO_LIMIT = 1.1;
const PROFILE_RATIO_LIMIT = 1.2;
/** Issue 13's target: the profile against React plus the same two radars. */
const PROFILE_REACT_RATIO_LIMIT = 1.5;
const SAVE_LIMIT_MS = 50;

type Goal = 'question' | 'charts';
type Load = { ms: number; scriptsDone: number; canvases: number; waterfall: string };

/** Resolves in the page once the goal is met: the time it was met, and when the last script arrived. */
function goalReached(page: Page, goal: Goal): Promise<Load> {
  return page
    .waitForFunction((wanted) => {
      const probes = (window as unknown as { __bench: Probes }).__bench;
      const canvases = document.querySelectorAll('canvas').length;
      const ms = wanted === 'question' ? probes.question : canvases > 0 && probes.canvasDrawn.length >= canvases ? (probes.canvasDrawn[canvases - 1] ?? null) : null;
      if (ms === null) return null;
      const scripts = performance.getEntriesByType('resource').filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script' || entry.name.endsWith('.js'));
      const scriptsDone = Math.max(0, ...scripts.map((entry) => (entry as PerformanceResourceTiming).responseEnd).filter((end) => end <= ms));
      // What happened before the goal, in order: each script's fetch and each long task.
      const events = [
        ...scripts.map((entry) => ({ at: entry.startTime, text: `${entry.name.split('/').pop()?.replace(/-[\w-]{8}\.js$/, '.js') ?? ''} ${Math.round(entry.startTime)}-${Math.round((entry as PerformanceResourceTiming).responseEnd)}` })),
        ...probes.longTasks.map((task) => ({ at: task.start, text: `task ${Math.round(task.start)}+${Math.round(task.duration)}` })),
      ].filter((event) => event.at <= ms).sort((a, b) => a.at - b.at);
      const fallback = probes.fallbackShown === null ? '' : `; Suspense fallback ${Math.round(probes.fallbackShown)}-${Math.round(probes.fallbackGone ?? ms)}`;
      return { ms, scriptsDone, canvases, waterfall: `${events.map((event) => event.text).join(', ')}${fallback}` };
    }, goal, { timeout: 60_000, polling: 50 })
    .then(async (handle) => {
      const reached = await handle.jsonValue();
      if (reached === null) throw new Error(`The ${goal} goal was reported without its time.`);
      return reached;
    });
}

/**
 * Every page, app or baseline, is opened the same way: its storage written from a blank page of
 * its origin (an empty database, for a baseline), that page closed, then a pause before the
 * measured load. A page opened at once after the blank one closed loaded slower (the bare survey
 * 506 ms against 452, median of 11 each; then 505 against 479, and 485 after the pause), and
 * only the app's pages, which need their storage written, paid for it.
 */
const SETTLE_MS = 500;

async function coldLoad(browser: Browser, url: string, seed: AppSeed, goal: Goal): Promise<Load> {
  const context = await freshContext(browser, new URL(url).origin, seed);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    return await goalReached(page, goal);
  } finally {
    await context.close();
  }
}

type Series = { name: string; url: string; seed: AppSeed; goal: Goal; loads: Load[] };

/** One warm-up (the OS and the servers, never the browser's cache), then the runs interleaved. */
async function measure(browser: Browser, series: Series[]): Promise<void> {
  for (const s of series) await coldLoad(browser, s.url, s.seed, s.goal);
  for (let run = 0; run < RUNS; run += 1) for (const s of series) s.loads.push(await coldLoad(browser, s.url, s.seed, s.goal));
}

type SavePoll = { clickAt: number | null; dispatchedAt: number | null; handledAt: number | null; savedAt: number | null };
type Save = { total: number; inputDelay: number; handler: number; write: number };

/**
 * Clicks a rating, as a user would, and polls the app's IndexedDB 'drafts' from the page until
 * the value is there: the delay from the click event's time stamp to the first read that sees
 * it, split into input delay, the click's task (SurveyJS and React), and the write after it.
 * In a browser profile on disk, as a learner's is.
 */
async function saveLatencies(origin: string, framework: Framework, seed: AppSeed): Promise<Save[]> {
  const context = await persistentContext(origin, seed);
  const page = await context.newPage();
  await page.goto(`${origin}/#/assess/${BENCH_FRAMEWORK_ID}`);
  await goalReached(page, 'question');
  const statementIds = new Set(framework.statements.map((statement) => statement.id));
  const shown = (await page.locator('[data-name]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-name') ?? ''))).filter((id) => statementIds.has(id));
  await page.evaluate(async () => {
    const state = window as unknown as { __db: IDBDatabase; __poll: SavePoll };
    state.__db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('skillscope');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const nextTask = new MessageChannel();
    nextTask.port1.onmessage = () => {
      state.__poll.handledAt = performance.now();
    };
    document.addEventListener('click', (event) => {
      const poll = state.__poll;
      if (!event.isTrusted || poll.clickAt !== null) return;
      poll.clickAt = event.timeStamp;
      poll.dispatchedAt = performance.now();
      nextTask.port2.postMessage(null); // runs once the click's task, every handler included, is over
    }, true);
  });
  const saves: Save[] = [];
  for (let i = 0; i < SAVE_CLICKS; i += 1) {
    const id = shown[i % shown.length] ?? '';
    const rating = (((i + Math.floor(i / shown.length)) % 4) + 1) as Rating;
    await page.evaluate(() => {
      (window as unknown as { __poll: SavePoll }).__poll = { clickAt: null, dispatchedAt: null, handledAt: null, savedAt: null };
    });
    const polled = page.evaluate(async ({ id, value }) => {
      const state = window as unknown as { __db: IDBDatabase; __poll: SavePoll };
      const started = performance.now();
      while (performance.now() - started < 5000) {
        const drafts = await new Promise<{ data?: Record<string, unknown> }[]>((resolve, reject) => {
          const request = state.__db.transaction('drafts').objectStore('drafts').getAll();
          request.onsuccess = () => resolve(request.result as { data?: Record<string, unknown> }[]);
          request.onerror = () => reject(request.error);
        });
        if (drafts.some((draft) => String(draft.data?.[id]) === value)) {
          state.__poll.savedAt = performance.now();
          break;
        }
      }
      return state.__poll;
    }, { id, value: String(rating) });
    await page.locator(`[data-name="${id}"]`).getByText(RATING_LABELS[rating], { exact: true }).click();
    const { clickAt, dispatchedAt, handledAt, savedAt } = await polled;
    if (clickAt !== null && dispatchedAt !== null && handledAt !== null && savedAt !== null) {
      saves.push({ total: savedAt - clickAt, inputDelay: dispatchedAt - clickAt, handler: handledAt - dispatchedAt, write: savedAt - handledAt });
    }
  }
  await context.close();
  return saves;
}

const ms = (value: number) => formatNumber(value, 0);
const medianOf = (loads: readonly Load[], pick: (load: Load) => number) => median(loads.map(pick));

/** The run whose time is the median, to show what a typical load did. */
function medianRun(loads: readonly Load[]): Load | undefined {
  return [...loads].sort((a, b) => a.ms - b.ms)[Math.floor(loads.length / 2)];
}

/**
 * One more load of an app route, on the unminified build and under the CPU profiler: the main
 * thread's time from navigation to the goal, by package or source file (idle = waiting).
 */
async function whereTheTimeGoes(browser: Browser, hash: string, seed: AppSeed, goal: Goal): Promise<string> {
  const outDir = await buildApp(false);
  const server = await serve(outDir);
  const context = await freshContext(browser, server.origin, seed);
  try {
    const page = await context.newPage();
    const stop = await openProfiled(page, server.origin, hash);
    const reached = await goalReached(page, goal);
    const profile = await stop();
    return `${ms(reached.ms)} ms profiled: ${timeByModule(profile, moduleNamer(outDir)).join(', ')}`;
  } finally {
    await context.close();
    await server.close();
  }
}

export const load: BenchSection = {
  name: 'load',
  async run() {
    const framework = builtinFramework(BENCH_FRAMEWORK_ID);
    const self = completedSelfResponse(framework, BENCH_LEARNER.subjectId);
    const learnerOnly: AppSeed = { learner: BENCH_LEARNER };
    const withSelf: AppSeed = { learner: BENCH_LEARNER, responses: [storedRecord(self)] };
    const radars = profileRadars(framework, [self], BENCH_LEARNER.subjectId);
    const app = await serve(await buildApp());
    const bare = await serveBarePages(radars);
    const browser = await launchChromium();
    try {
      const survey: Series = { name: 'survey route', url: `${app.origin}/#/assess/${BENCH_FRAMEWORK_ID}`, seed: learnerOnly, goal: 'question', loads: [] };
      const bareSurvey: Series = { name: 'bare survey', url: `${bare.url}${BARE_SURVEY_PAGE}`, seed: {}, goal: 'question', loads: [] };
      const profile: Series = { name: 'profile route', url: `${app.origin}/#/profile/${BENCH_FRAMEWORK_ID}`, seed: withSelf, goal: 'charts', loads: [] };
      const bareRadar: Series = { name: 'bare radar', url: `${bare.url}${BARE_RADAR_PAGE}`, seed: {}, goal: 'charts', loads: [] };
      const reactRadar: Series = { name: 'React + 2 radars', url: `${bare.url}${BARE_REACT_RADAR_PAGE}`, seed: {}, goal: 'charts', loads: [] };
      const all = [survey, bareSurvey, profile, bareRadar, reactRadar];
      await measure(browser, all);
      const saves = await saveLatencies(app.origin, framework, learnerOnly);

      const [surveyMs, bareSurveyMs, profileMs, bareRadarMs, reactRadarMs] = all.map((s) => medianOf(s.loads, (l) => l.ms)) as [number, number, number, number, number];
      const surveyRatio = surveyMs / bareSurveyMs;
      const profileRatio = profileMs / bareRadarMs;
      const profileReactRatio = profileMs / reactRadarMs;
      const saveMs = median(saves.map((save) => save.total));
      // Always printed: issue 13 asks that a target still missed be explained with this profile.
      const breakdown = [
        'Where the time goes (CPU profile of one more load each, unminified build; self time by package or file):',
        `  survey route: ${await whereTheTimeGoes(browser, `#/assess/${BENCH_FRAMEWORK_ID}`, learnerOnly, 'question')}`,
        `  profile route: ${await whereTheTimeGoes(browser, `#/profile/${BENCH_FRAMEWORK_ID}`, withSelf, 'charts')}`,
      ];
      const summary = (s: Series) => `${s.name}: runs ${s.loads.map((l) => ms(l.ms)).join(', ')} ms; last script in at ${ms(medianOf(s.loads, (l) => l.scriptsDone))} ms (median)`;
      const waterfall = (s: Series) => `${s.name}, median run (fetch start-end, long task start+duration, ms): ${medianRun(s.loads)?.waterfall ?? ''}`;
      return {
        title: `load: cold loads in headless Chromium, median of ${RUNS} fresh contexts`,
        figures: [
          { name: `#/assess/${BENCH_FRAMEWORK_ID}: first question answerable`, value: ms(surveyMs), unit: 'ms' },
          { name: 'bare survey-react-ui page: first question answerable', value: ms(bareSurveyMs), unit: 'ms' },
          { key: 'survey_vs_bare', json: surveyRatio, name: '  survey route / bare page', value: formatNumber(surveyRatio, 2), unit: 'x', target: atMost(surveyRatio, SURVEY_RATIO_LIMIT, `<= ${SURVEY_RATIO_LIMIT}x`) },
          { name: `#/profile/${BENCH_FRAMEWORK_ID}: ${profile.loads[0]?.canvases ?? 0} radar charts drawn`, value: ms(profileMs), unit: 'ms' },
          { name: 'bare chart.js page: the domain radar drawn', value: ms(bareRadarMs), unit: 'ms' },
          { name: '  profile route / bare page', value: formatNumber(profileRatio, 2), unit: 'x', target: atMost(profileRatio, PROFILE_RATIO_LIMIT, `<= ${PROFILE_RATIO_LIMIT}x`) },
          { name: 'bare React + chart.js page: the same 2 radars drawn', value: ms(reactRadarMs), unit: 'ms' },
          { key: 'profile_vs_react_radar', json: profileReactRatio, name: '  profile route / React + chart.js page', value: formatNumber(profileReactRatio, 2), unit: 'x', target: atMost(profileReactRatio, PROFILE_REACT_RATIO_LIMIT, `<= ${PROFILE_REACT_RATIO_LIMIT}x`) },
          { name: `answer saved in IndexedDB after the click (median of ${saves.length})`, value: formatNumber(saveMs, 1), unit: 'ms', target: atMost(saveMs, SAVE_LIMIT_MS, `<= ${SAVE_LIMIT_MS} ms`) },
          { name: '  slowest of them', value: formatNumber(Math.max(...saves.map((save) => save.total)), 1), unit: 'ms' },
        ],
        notes: [
          ...all.map(summary),
          waterfall(survey),
          waterfall(bareSurvey),
          waterfall(profile),
          ...breakdown,
          'Server: every page, the app and the baselines alike, is served as a static host serves it: each built file gzipped once at',
          '  startup and sent as stored (precompressed-server.ts). Before, `vite preview` gzipped each response as it sent it, on the',
          '  same two cores as the browser, which charged a page of many files for its server\'s work.',
          'From navigation start to: a rating input of the first .sd-question in the DOM and enabled (MutationObserver); every canvas',
          '  of the page past its first drawing call (canvas 2D methods wrapped; chart.js draws a chart in one synchronous call).',
          'Both app routes with a learner in IndexedDB, the profile also with a completed self response (84 statements), written from a',
          '  blank page of the same origin so that nothing of the app is cached; the baselines\' writes an empty database. Every page',
          `  is loaded ${SETTLE_MS} ms after its blank page closed, in the browser that Chromium's address-bar popup is kept out of`,
          '  (browser-harness.ts). Baselines: tests/bench/pages/, each built alone by Vite;',
          '  the same survey JSON (surveys/css-durable-skills.self.json) and stylesheet; the same radars and figures: the domain radar',
          '  (10 domains) with chart.js only, and both of the profile\'s radars (levels, domains) each in a React component (issue 13\'s',
          '  "React plus the same two radars"). The profile draws its first screen (header, attained level, radars and their tables)',
          '  first and the rest (statement list, strengths, comments) in the task after that screen is painted: not counted here.',
          `Save: ${SAVE_CLICKS} clicks on ratings of the first page, in a browser profile on disk; from the click event's time stamp to an`,
          `  IndexedDB read that sees the value. Medians: input delay ${formatNumber(median(saves.map((save) => save.inputDelay)), 1)} ms, the click's task (SurveyJS, React) ${formatNumber(median(saves.map((save) => save.handler)), 1)} ms,`,
          `  then the write until readable ${formatNumber(median(saves.map((save) => save.write)), 1)} ms.`,
          machineLoadNote(),
        ],
      };
    } finally {
      await browser.close();
      await app.close();
      await bare.close();
    }
  },
};
