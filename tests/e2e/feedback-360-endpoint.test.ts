import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinFramework, builtinFrameworks } from '../support/builtin-frameworks.ts';
import { encodeInvitation, type Invitation } from '../../src/core/share/invitation.ts';
import { appUrl, launchBrowser, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { answerPattern, createLinks, type Link, planInvitations, rateFromLink, selfAssess, tempDir } from './support-360-flow.ts';

/**
 * The collection endpoint as the rater's browser meets it. Playwright's route stands in for the
 * endpoint (the unit tests of deliver-response.ts use msw for the same cases); the built app's
 * Content-Security-Policy must allow its origin, which global-setup names at build time.
 */
const ENDPOINT = 'https://collect.example.test/skillscope/responses';
const BUILTIN_IDS = new Set(builtinFrameworks().map((f) => f.id));
const framework = builtinFramework('css-ai-at-work');
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' };

let browser: Browser;
let learner: BrowserContext;
let links: Link[];
const dir = tempDir('endpoint');

beforeAll(async () => {
  browser = await launchBrowser();
  learner = await launchPersistentContext();
  const page = await learner.newPage();
  await selfAssess(page, framework, answerPattern(0), 'Ana Ruiz');
  await planInvitations(page, framework.id, { peer: 4 }, ENDPOINT);
  links = await createLinks(page, (id) => BUILTIN_IDS.has(id));
});
afterAll(async () => {
  await learner?.close();
  await browser?.close();
});

type Endpoint = { posts: { body: string; contentType: string | undefined }[]; foreign: string[] };

/** Answers each POST with the next status in turn (the last one repeats). */
function standIn(statuses: number[]) {
  const seen: Endpoint = { posts: [], foreign: [] };
  const setupContext = async (context: BrowserContext) => {
    seen.foreign = watchForeignRequests(context);
    await context.route(`${new URL(ENDPOINT).origin}/**`, async (route: Route, request: Request) => {
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
      seen.posts.push({ body: request.postData() ?? '', contentType: request.headers()['content-type'] });
      const status = statuses[Math.min(seen.posts.length - 1, statuses.length - 1)] ?? 200;
      return route.fulfill({ status, headers: CORS, body: status < 300 ? '{"ok":true}' : 'no' });
    });
  };
  return { seen, setupContext };
}

const delivery = (page: Page) => page.locator('[role="status"]', { hasText: /collection address|offline|Not delivered|Delivered/ });

describe('a rater whose invitation names a collection endpoint', () => {
  it('is told before answering where the response will be sent', async () => {
    expect(links.every((link) => link.invitation.endpoint === ENDPOINT)).toBe(true);
    const { setupContext } = standIn([200]);
    await rateFromLink(browser, links[0] as Link, framework, answerPattern(1), dir, {
      setupContext,
      beforeComplete: async (page) => {
        await expect(page.getByText('your response is sent to collect.example.test').isVisible()).resolves.toBe(true);
      },
    });
  });

  it('sees "Delivered" when the endpoint takes the response, which is the response file, byte for byte', async () => {
    const { seen, setupContext } = standIn([200]);
    let status = '';
    const result = await rateFromLink(browser, links[1] as Link, framework, answerPattern(2), dir, {
      setupContext,
      afterSubmit: async (page) => {
        await delivery(page).filter({ hasText: 'Delivered' }).waitFor();
        status = (await delivery(page).textContent()) ?? '';
        // Reopening the link shows the same outcome without sending the response again.
        await page.reload();
        await delivery(page).filter({ hasText: 'Delivered' }).waitFor();
      },
    });
    expect(status).toMatch(/^Delivered: the collection address received your response/);
    expect(seen.posts).toHaveLength(1);
    expect(seen.posts[0]?.contentType).toBe('application/json');
    expect(seen.posts[0]?.body).toBe(readFileSync(result.file, 'utf8'));
    // The endpoint is the only origin the rater's page reached beside the app's own.
    expect(new Set(seen.foreign.map((url) => new URL(url).origin))).toEqual(new Set([new URL(ENDPOINT).origin]));
  });

  it('retries after a server error and then sees "Delivered"', async () => {
    const { seen, setupContext } = standIn([500, 200]);
    await rateFromLink(browser, links[2] as Link, framework, answerPattern(3), dir, {
      setupContext,
      afterSubmit: async (page) => {
        await delivery(page).filter({ hasText: 'Delivered' }).waitFor({ timeout: 15_000 });
      },
    });
    expect(seen.posts).toHaveLength(2);
    expect(seen.posts[1]?.body).toBe(seen.posts[0]?.body);
  });

  it('is told to send the file instead when the endpoint answers 413, and still has the file and code', async () => {
    const { seen, setupContext } = standIn([413]);
    let status = '';
    const result = await rateFromLink(browser, links[3] as Link, framework, answerPattern(4), dir, {
      setupContext,
      afterSubmit: async (page) => {
        await delivery(page).filter({ hasText: 'Not delivered' }).waitFor();
        status = (await delivery(page).textContent()) ?? '';
        await expect(page.getByRole('button', { name: 'Download the response file' }).isVisible()).resolves.toBe(true);
      },
    });
    expect(status).toMatch(/Not delivered\..*too large\. Send the response file instead\./);
    expect(seen.posts).toHaveLength(1);
    expect(result.fileText).toContain('"format": "skillscope-response"');
    expect(result.code).toMatch(/^SKR1\./);
  });

  it('waits while offline and delivers once back online', async () => {
    const { seen, setupContext } = standIn([200]);
    let context: BrowserContext | undefined;
    await rateFromLink(browser, links[0] as Link, framework, answerPattern(5), dir, {
      setupContext: async (ctx) => {
        context = ctx;
        await setupContext(ctx);
      },
      beforeComplete: async () => {
        await context?.setOffline(true);
      },
      afterSubmit: async (page) => {
        await delivery(page).filter({ hasText: 'You are offline' }).waitFor();
        expect(seen.posts).toHaveLength(0);
        await context?.setOffline(false);
        await delivery(page).filter({ hasText: 'Delivered' }).waitFor();
      },
    });
    expect(seen.posts).toHaveLength(1);
  });
});

describe('a collection endpoint that the built app\'s Content-Security-Policy does not allow', () => {
  const ELSEWHERE = 'https://elsewhere.example.test/responses';

  it('is refused on the invite page, naming the addresses this copy can send to', async () => {
    const page = await learner.newPage();
    await planInvitations(page, framework.id, { peer: 3 }, ELSEWHERE);
    await expect(page.getByText(/may only send responses to https:\/\/collect\.example\.test: browsers would block https:\/\/elsewhere\.example\.test/).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Create 3 links' }).isDisabled()).resolves.toBe(true);
    await page.close();
  });

  it('is not tried in vain by a rater holding such a link: they are told at once to send the file', async () => {
    const invitation: Invitation = { ...(links[0] as Link).invitation, invitationId: 'elsewhere-1', endpoint: ELSEWHERE };
    const link: Link = { url: appUrl(`#/rate/${encodeInvitation(invitation)}`), invitation };
    let foreign: string[] = [];
    let status = '';
    const result = await rateFromLink(browser, link, framework, answerPattern(6), dir, {
      setupContext: async (context) => {
        foreign = watchForeignRequests(context);
      },
      afterSubmit: async (page) => {
        await delivery(page).filter({ hasText: 'Not delivered' }).waitFor();
        status = (await delivery(page).textContent()) ?? '';
      },
    });
    expect(status).toMatch(/not allowed to send to elsewhere\.example\.test\. Send the response file or the code instead\./);
    expect(foreign).toEqual([]);
    expect(result.code).toMatch(/^SKR1\./);
  });
});
