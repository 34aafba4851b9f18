import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { encodeInvitation } from '../../src/core/share/invitation.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { BENCH_FRAMEWORK_ID, BENCH_LEARNER, completedSelfResponse, storedRecord } from './app-fixtures.ts';
import { type AppSeed, buildApp, freshContext, kilobytes, launchChromium, type Probes, serve } from './browser-harness.ts';
import { atMost, type BenchSection, type Figure, formatNumber } from './bench-table.ts';

/**
 * What each route of the production build makes the browser download: every script and
 * stylesheet response of a real load in Chromium, gzipped at level 9 here. Large libraries are
 * recognised by their content, not their file names.
 */

const HOME_JS_LIMIT_KB = 100;

/** Strings found only in these libraries' code, kept by the minifier. */
const LIBRARIES = [
  { name: 'survey-core', marker: 'surveyjs.io' },
  { name: 'chart.js', marker: 'Canvas is already in use' },
] as const;

type Route = { name: string; hash: string; ready: (page: Page) => Promise<unknown> };
type Asset = { url: string; kind: 'js' | 'css'; gzipBytes: number; libraries: string[] };

/** Waits for a condition on the page's probes (browser-harness.ts). */
const probe = (page: Page, condition: () => boolean) => page.waitForFunction(condition, undefined, { timeout: 60_000 });

function routes(): Route[] {
  const invitation = encodeInvitation({
    invitationId: 'bench-invitation-1',
    frameworkId: BENCH_FRAMEWORK_ID,
    learnerName: BENCH_LEARNER.displayName,
    subjectId: BENCH_LEARNER.subjectId,
    group: 'peer',
    note: '',
    endpoint: null,
    framework: null,
  });
  const heading = (page: Page) => page.locator('main h1').first().waitFor();
  return [
    { name: 'home', hash: '#/', ready: heading },
    { name: 'survey', hash: `#/assess/${BENCH_FRAMEWORK_ID}`, ready: (page) => probe(page, () => (window as unknown as { __bench: Probes }).__bench.question !== null) },
    { name: 'profile', hash: `#/profile/${BENCH_FRAMEWORK_ID}`, ready: (page) => probe(page, () => (window as unknown as { __bench: Probes }).__bench.canvasDrawn.length > 0) },
    { name: 'data', hash: '#/data', ready: heading },
    { name: 'team', hash: '#/team', ready: heading },
    { name: 'rate', hash: `#/rate/${invitation}`, ready: (page) => probe(page, () => (window as unknown as { __bench: Probes }).__bench.question !== null) },
  ];
}

async function loadRoute(browser: Browser, origin: string, seed: AppSeed, route: Route): Promise<Asset[]> {
  const context = await freshContext(browser, origin, seed);
  const assets = new Map<string, Promise<Asset | null>>();
  context.on('response', (response) => {
    const url = response.url();
    const type = response.request().resourceType();
    const path = new URL(url).pathname;
    // The page's own inline scripts (the route preload, src/build/route-preload-plugin.ts) are JavaScript it loads too.
    if (type === 'document' && url.startsWith(origin)) {
      assets.set(`${url}#inline-scripts`, response.text().then(
        (html) => {
          const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '').join('\n');
          return inline === '' ? null : { url: `${origin}/index.html`, kind: 'js', gzipBytes: gzipSync(inline, { level: 9 }).length, libraries: [] };
        },
        () => null,
      ));
      return;
    }
    const kind = type === 'stylesheet' || path.endsWith('.css') ? 'css' : type === 'script' || path.endsWith('.js') ? 'js' : null;
    if (kind === null || !url.startsWith(origin) || assets.has(url)) return;
    assets.set(url, response.body().then(
      (body) => ({ url, kind, gzipBytes: gzipSync(body, { level: 9 }).length, libraries: LIBRARIES.filter((lib) => body.includes(lib.marker)).map((lib) => lib.name) }),
      () => null,
    ));
  });
  const page = await context.newPage();
  await page.goto(`${origin}/${route.hash}`);
  await route.ready(page);
  await page.waitForLoadState('networkidle');
  const loaded = (await Promise.all(assets.values())).filter((asset): asset is Asset => asset !== null);
  await context.close();
  return loaded;
}

const fileName = (url: string) => new URL(url).pathname.split('/').pop() ?? url;
const sum = (assets: readonly Asset[], kind: Asset['kind']) => assets.filter((a) => a.kind === kind).reduce((total, a) => total + a.gzipBytes, 0);

export const bundles: BenchSection = {
  name: 'bundles',
  async run() {
    const framework = builtinFramework(BENCH_FRAMEWORK_ID);
    const seed: AppSeed = { learner: BENCH_LEARNER, responses: [storedRecord(completedSelfResponse(framework, BENCH_LEARNER.subjectId))] };
    const server = await serve(await buildApp());
    const browser = await launchChromium();
    const figures: Figure[] = [];
    const notes: string[] = [];
    try {
      for (const route of routes()) {
        const assets = await loadRoute(browser, server.origin, seed, route);
        const js = kilobytes(sum(assets, 'js'));
        const css = kilobytes(sum(assets, 'css'));
        const libraries = [...new Set(assets.flatMap((asset) => asset.libraries))];
        const label = `${route.name} ${route.hash.length > 40 ? `${route.hash.slice(0, 12)}…` : route.hash}`;
        if (route.name === 'home') {
          figures.push({ key: 'home_js_kb', json: js, name: `${label}: JavaScript`, value: formatNumber(js, 1), unit: 'KB gz', target: atMost(js, HOME_JS_LIMIT_KB, `<= ${HOME_JS_LIMIT_KB} KB`) });
          figures.push({ name: `${label}: CSS`, value: formatNumber(css, 1), unit: 'KB gz' });
          figures.push({ name: `${label}: survey-core or chart.js in it`, value: libraries.length === 0 ? 'none' : libraries.join(', '), unit: '', target: { text: 'none', pass: libraries.length === 0 } });
          notes.push(`home loads: ${assets.map((a) => `${fileName(a.url)} ${formatNumber(kilobytes(a.gzipBytes), 1)}`).join(', ')} (KB gz)`);
        } else {
          figures.push({ name: `${label}: JavaScript`, value: formatNumber(js, 1), unit: 'KB gz' });
          figures.push({ name: `${label}: CSS`, value: formatNumber(css, 1), unit: 'KB gz' });
          notes.push(`${route.name}: ${assets.length} files${libraries.length > 0 ? `, with ${libraries.join(' and ')}` : ', no survey-core or chart.js'}; largest ${largest(assets)}`);
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return {
      title: 'bundles: what each route of the production build downloads (gzip -9)',
      figures,
      notes: [
        ...notes,
        'Each route loaded cold in headless Chromium against `vite preview` of the build (vite.config.ts), with a learner and a completed',
        `  ${BENCH_FRAMEWORK_ID} self response in IndexedDB; every script and stylesheet response recorded until the network was idle,`,
        '  its body gzipped with node:zlib level 9. 1 KB = 1,000 bytes. Libraries found by content: survey-core by "surveyjs.io",',
        '  chart.js by its "Canvas is already in use" error text. #/rate/ with a valid invitation for a peer.',
      ],
    };
  },
};

function largest(assets: readonly Asset[]): string {
  const top = [...assets].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  return top === undefined ? 'none' : `${fileName(top.url)} ${formatNumber(kilobytes(top.gzipBytes), 1)} KB gz`;
}
