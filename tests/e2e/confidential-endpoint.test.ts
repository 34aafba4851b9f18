import type { Browser, BrowserContext, Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Campaign, createCampaign } from '../../src/core/confidential/campaign.ts';
import { generateCoachIdentity } from '../../src/core/confidential/coach-identity.ts';
import { encodeConfidentialInvitation } from '../../src/core/confidential/confidential-invitation.ts';
import { submissionDay } from '../../src/core/confidential/sealed-content.ts';
import { openSealed } from '../../src/core/confidential/sealed-response.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import { DEFAULT_THRESHOLDS } from '../../src/core/score/thresholds.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, launchBrowser, watchForeignRequests } from './browser.ts';
import { answerPattern, answerWholeSurvey, type AnswerPattern } from './support-360-flow.ts';

/**
 * Issue 10, step 4: a confidential invitation that names a collection endpoint. The rater's
 * browser POSTs the sealed code there, and the endpoint holds only what the coach can open.
 * Playwright's route stands in for the endpoint, on the origin the e2e build's CSP allows
 * (global-setup), as in feedback-360-endpoint.test.ts.
 */
const ENDPOINT = 'https://collect.example.test/skillscope/sealed';
const LEARNER = 'Ana Ruiz';
const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'content-type', 'access-control-allow-methods': 'POST' };

let framework: Framework;
let identity: string;
let campaign: Campaign;
let browser: Browser;

const day = (days: number): string => submissionDay(new Date(Date.now() + days * 86_400_000));
const lookup = (campaignId: string) => (campaignId === campaign.manifest.campaign_id ? framework : undefined);

function peerLink(index: number): { url: string; token: string } {
  const peer = campaign.invitations.filter((invitation) => invitation.group === 'peer')[index];
  if (peer === undefined) throw new Error(`The campaign has no peer ${index}.`);
  return { url: appUrl(`#/rate/${encodeConfidentialInvitation(campaign.jws, peer.invitationId, peer.token, ENDPOINT)}`), token: peer.token };
}

type Post = { method: string; body: string; contentType: string | undefined };

/** The endpoint: answers each POST with the next status in turn (the last one repeats). */
async function standIn(context: BrowserContext, statuses: number[]): Promise<Post[]> {
  const posts: Post[] = [];
  await context.route(`${new URL(ENDPOINT).origin}/**`, async (route: Route, request: Request) => {
    posts.push({ method: request.method(), body: request.postData() ?? '', contentType: request.headers()['content-type'] });
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    const status = statuses[Math.min(posts.length - 1, statuses.length - 1)] ?? 200;
    return route.fulfill({ status, headers: CORS, body: status < 300 ? 'ok' : 'no' });
  });
  return posts;
}

const delivery = (page: Page) => page.locator('[role="status"]', { hasText: /collection address|offline|Not delivered|Delivered/ });

async function rate(page: Page, url: string, answer: AnswerPattern): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: `Confidential feedback for ${LEARNER}` }).waitFor();
  await answerWholeSurvey(page, framework, answer, 'rater');
  await page.getByRole('heading', { level: 1, name: `Thank you: your sealed feedback for ${LEARNER} is ready` }).waitFor();
}

beforeAll(async () => {
  framework = builtinFramework('css-ai-at-work');
  identity = await generateCoachIdentity();
  campaign = await createCampaign({
    framework,
    learner: { name: LEARNER, subjectId: 'ana-ruiz' },
    coachName: 'Dana Lee',
    groups: { peer: 3 },
    thresholds: { ...DEFAULT_THRESHOLDS },
    createdOn: day(0),
    closesOn: day(14),
  }, identity);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('a confidential invitation that names a collection endpoint', () => {
  it('POSTs the sealed code there once: the coach opens it to the answers given; reopening the link says Delivered and sends nothing', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    try {
      const foreign = watchForeignRequests(context);
      const posts = await standIn(context, [200]);
      const page = await context.newPage();
      const answer = answerPattern(3);
      const { url, token } = peerLink(0);
      await rate(page, url, answer);
      await delivery(page).filter({ hasText: 'Delivered' }).waitFor();
      await expect(delivery(page).textContent()).resolves.toMatch(/^Delivered: the collection address received your response/);
      await expect(page.getByText('It is also sent, sealed, to the collection address collect.example.test').isVisible()).resolves.toBe(true);
      // The file and the code are still the rater's to send.
      await expect(page.getByRole('button', { name: 'Download the sealed file' }).isVisible()).resolves.toBe(true);
      const code = await page.getByLabel(/Copy this code/).inputValue();

      // One request in all: text/plain needs no CORS preflight.
      expect(posts.map((post) => post.method)).toEqual(['POST']);
      expect(posts[0]?.contentType).toBe('text/plain');
      expect(posts[0]?.body).toBe(code);
      const opened = await openSealed(posts[0]?.body ?? '', identity, lookup, 'endpoint');
      if (!opened.ok) throw new Error(`The delivered body does not open: ${JSON.stringify(opened.issues)}`);
      expect(opened.value.campaignId).toBe(campaign.manifest.campaign_id);
      expect(opened.value.token).toBe(token);
      expect(opened.value.answers).toEqual(new Map(framework.statements.map((statement, index) => [statement.id, answer(index)])));

      await page.goto(appUrl('#/'));
      await page.goto(url);
      await page.getByRole('heading', { level: 1, name: /^Thank you: your sealed feedback/ }).waitFor();
      await delivery(page).filter({ hasText: 'Delivered' }).waitFor();
      expect(posts).toHaveLength(1);
      // The endpoint is the only origin the rater's page reached beside the app's own.
      expect(new Set(foreign.map((request) => new URL(request).origin))).toEqual(new Set([new URL(ENDPOINT).origin]));
    } finally {
      await context.close();
    }
  });

  it('retries after a server error and then says Delivered', async () => {
    const context = await browser.newContext();
    try {
      const posts = await standIn(context, [500, 200]);
      const page = await context.newPage();
      await rate(page, peerLink(1).url, answerPattern(4));
      await delivery(page).filter({ hasText: 'Delivered' }).waitFor({ timeout: 15_000 });
      expect(posts).toHaveLength(2);
      expect(posts[1]?.body).toBe(posts[0]?.body);
      expect(posts[0]?.body).toMatch(/^SKS1\./);
    } finally {
      await context.close();
    }
  });
});
