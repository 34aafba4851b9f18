import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersFromEntries } from '../../src/core/model/answers.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { encodeInvitation } from '../../src/core/share/invitation.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, launchBrowser } from './browser.ts';
import { storeResponses } from './support-profile.ts';
import { waitForSurvey } from './support-survey.ts';

/**
 * Issue 13: index.html asks for the first route's files while the entry downloads, from an
 * inline script that reads the hash (src/build/route-preload-plugin.ts), and a built-in
 * framework's surveys are a file of their own, which the profile does not download. The built
 * app's Content-Security-Policy allows that one inline script by its hash: nothing else inline runs.
 */
const FRAMEWORK_ID = 'css-durable-skills';
const framework = builtinFramework(FRAMEWORK_ID);
const LEARNER = { subjectId: 'preload-learner-4k2p', displayName: 'Preload Learner' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Visit = { page: Page; context: BrowserContext; violations: () => Promise<string[]> };

/** A new page of a fresh browser context (or of `context`), its policy violations noted from the first script on. */
async function freshVisit(existing?: BrowserContext): Promise<Visit> {
  const context = existing ?? (await browser.newContext({ viewport: { width: 1280, height: 900 } }));
  if (existing === undefined) await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`));
    // Each preload link as it is added, with the document's state then: "loading" is before any module script (the entry) can run.
    const added: { href: string; readyState: string }[] = [];
    (window as unknown as { __preloads: typeof added }).__preloads = added;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLLinkElement && (node.rel === 'modulepreload' || node.rel === 'preload')) added.push({ href: node.getAttribute('href') ?? '', readyState: document.readyState });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  return { page, context, violations: async () => [...consoleViolations, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))] };
}

/**
 * The learner and a completed self-assessment in the app's store, then the HTTP cache emptied:
 * the page returned is a new one, whose first load (a new document) is cold.
 */
async function seededProfileVisit(): Promise<Visit> {
  const { page, context } = await freshVisit();
  await page.goto(appUrl('#/'));
  await page.locator('main h1').first().waitFor();
  const answers = new Map<string, Rating | null>(framework.statements.map((statement, index) => [statement.id, index % 11 === 5 ? null : (((index * 7) % 4) + 1) as Rating]));
  const response: SurveyResponse = {
    responseId: 'preload-self-1', frameworkId: FRAMEWORK_ID, surveyId: `${FRAMEWORK_ID}.self`, subjectId: LEARNER.subjectId, raterGroup: 'self',
    submittedAt: '2026-04-01T09:00:00Z', answers: answersFromEntries(answers, framework), comments: new Map(),
  };
  await storeResponses(page, [response]);
  await page.evaluate(async (learner) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('skillscope');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put(learner, 'learner');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, LEARNER);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
  await page.close();
  return freshVisit(context);
}

type Fetched = { file: string };

/** Every script and stylesheet the page fetched, by file name without its content hash. */
function fetched(page: Page): Promise<Fetched[]> {
  return page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .map((entry) => ({ file: (entry.name.split('/').pop() ?? '').replace(/-[\w-]{8}(\.(?:js|css))$/, '$1') })));
}

const preloadLinks = (page: Page) => page.evaluate(() => [...document.head.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')].map((link) => link.getAttribute('href') ?? ''));

describe('a cold load of the profile', () => {
  it('asks for the profile\'s files and framework while index.html is parsed, before the entry could ask, with no policy violation', async () => {
    const visit = await seededProfileVisit();
    const { page } = visit;
    await page.goto(appUrl(`#/profile/${FRAMEWORK_ID}`));
    await page.locator('#levels-table').waitFor();
    await page.locator('.statement-list').waitFor();
    await page.waitForLoadState('networkidle');

    const hashless = (href: string) => href.replace(/^.*\//, '').replace(/-[\w-]{8}(\.(?:js|css))$/, '$1');
    const links = (await preloadLinks(page)).map(hashless);
    expect(links).toEqual(expect.arrayContaining(['shell.js', 'css-durable-skills.js', 'profile.js', 'scoring.js', 'profile.css']));
    // Added while index.html was still being parsed: before the entry, a deferred module script, could run and ask.
    const added = await page.evaluate(() => (window as unknown as { __preloads: { href: string; readyState: string }[] }).__preloads);
    const early = added.filter((link) => link.readyState === 'loading').map((link) => hashless(link.href));
    expect(early).toEqual(expect.arrayContaining(['css-durable-skills.js', 'profile.js', 'scoring.js', 'profile.css']));
    // Each fetched once, whoever asks for it next (the entry, Vite's preload helper).
    const files = await fetched(page);
    for (const name of ['profile.js', 'scoring.js', 'css-durable-skills.js']) expect(files.filter((file) => file.file === name), name).toHaveLength(1);
    await expect(visit.violations()).resolves.toEqual([]);
    await visit.context.close();
  });

  it('downloads the framework but not its surveys, which only a survey shows', async () => {
    const visit = await seededProfileVisit();
    const { page } = visit;
    await page.goto(appUrl(`#/profile/${FRAMEWORK_ID}`));
    await page.locator('.statement-list').waitFor();
    await page.waitForLoadState('networkidle');
    const names = (await fetched(page)).map((file) => file.file);
    expect(names).toContain('css-durable-skills.js');
    expect(names).not.toContain('css-durable-skills-surveys.js');
    await visit.context.close();
  });
});

describe('routes the preload map does not pick for, and hashes crafted to hurt', () => {
  it('opens the survey with its surveys\' file asked for early, and its first question answerable', async () => {
    const visit = await freshVisit();
    const { page } = visit;
    await page.goto(appUrl(`#/assess/${FRAMEWORK_ID}`));
    await waitForSurvey(page);
    const names = (await fetched(page)).map((file) => file.file);
    expect(names).toEqual(expect.arrayContaining(['survey.js', 'css-durable-skills.js', 'css-durable-skills-surveys.js']));
    await expect(visit.violations()).resolves.toEqual([]);
    await visit.context.close();
  });

  it('shows "Page not found" for an unknown route and preloads nothing for it', async () => {
    const visit = await freshVisit();
    const { page } = visit;
    await page.goto(appUrl('#/no-such-page/%3Cscript%3E'));
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    // Only index.html's own preloads of what every page runs.
    const links = await preloadLinks(page);
    expect(links.every((href) => /\/(rolldown-runtime|shell)-[\w-]{8}\.js$/.test(href))).toBe(true);
    await expect(visit.violations()).resolves.toEqual([]);
    await visit.context.close();
  });

  it('opens a rater\'s invitation link as before, and never puts the hash\'s data into a link or the page', async () => {
    const payload = encodeInvitation({ invitationId: 'preload-invitation-1', frameworkId: FRAMEWORK_ID, learnerName: LEARNER.displayName, subjectId: LEARNER.subjectId, group: 'peer', note: '', endpoint: null, framework: null });
    const visit = await freshVisit();
    const { page } = visit;
    await page.goto(appUrl(`#/rate/${payload}`));
    await page.locator('.sd-question').first().waitFor({ timeout: 60_000 });
    const links = await preloadLinks(page);
    expect(links.some((href) => href.includes(payload.slice(0, 12)))).toBe(false);
    expect(links.some((href) => /\/RatePage-[\w-]{8}\.js$/.test(href))).toBe(true);
    await expect(visit.violations()).resolves.toEqual([]);
    await visit.context.close();
  });

  it('runs no script carried by a crafted hash, and reports no policy violation for its own', async () => {
    const visit = await freshVisit();
    const { page } = visit;
    const crafted = `#/rate/"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await page.goto(appUrl(crafted));
    await expect(page.locator('h1').first().textContent()).resolves.toBe('This invitation link does not work');
    await page.waitForLoadState('networkidle');
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await expect(page.locator('script:not([src])').count()).resolves.toBe(1); // index.html's own inline script, nothing more
    const links = await preloadLinks(page);
    expect(links.every((href) => /^\.\/assets\/[\w.-]+\.(js|css)$/.test(href) || /^http:\/\/127\.0\.0\.1:\d+\/assets\/[\w.-]+\.(js|css)$/.test(href))).toBe(true);
    await expect(visit.violations()).resolves.toEqual([]);
    await visit.context.close();
  });
});
