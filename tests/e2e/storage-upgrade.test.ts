import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import { LEVEL_IDS } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { RaterGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { encodeInvitation, type Invitation } from '../../src/core/share/invitation.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { testFramework, testStatement } from '../support/test-framework.ts';
import { appUrl, baseUrl, launchPersistentContext } from './browser.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

/**
 * A learner (or rater) whose browser holds data from the first Skillscope, whose IndexedDB was
 * version 1: submissions, delivery marks and invitations were untyped entries of `settings`.
 * Opening the new app upgrades the database, and everything must still be there; an entry that
 * no longer reads back is said on the page, never dropped silently.
 */
const framework = builtinFramework('css-ai-at-work');
const LEARNER = { subjectId: 'ana-ruiz-k7q2', displayName: 'Ana Ruiz' };
const ENDPOINT = 'https://collect.example.test/skillscope/responses';
/** A framework opened from a file: its invitations carry it whole. */
const custom = testFramework('team-custom', LEVEL_IDS.map((level, index) => testStatement(`s-0${index + 1}`, level, 'd1')), true, ['d1']);

let context: BrowserContext | undefined;
afterEach(async () => {
  await context?.close();
  context = undefined;
});

function response(responseId: string, raterGroup: RaterGroup, submittedAt: string): SurveyResponse {
  const answers = new Map<string, Rating | null>(framework.statements.map((statement, index) => [statement.id, ((index % 4) + 1) as Rating]));
  return {
    responseId, frameworkId: framework.id, surveyId: `${framework.id}.${raterGroup === 'self' ? 'self' : '360'}`, subjectId: LEARNER.subjectId,
    raterGroup, submittedAt, answers: answersFromEntries(answers, framework), comments: new Map(),
  };
}

/** A stored response record, as version 1 (and 2) keep it: the response file's text. */
const responseRecord = (r: SurveyResponse, json = writeResponseFile(r)) => ({ responseId: r.responseId, subjectId: r.subjectId, frameworkId: r.frameworkId, json, storedAt: '2025-03-02T09:00:00Z' });

function invitation(invitationId: string, group: Invitation['group'], endpoint: string | null = null): Invitation {
  return { invitationId, frameworkId: framework.id, learnerName: LEARNER.displayName, subjectId: LEARNER.subjectId, group, note: '', endpoint, framework: null };
}

const customInvitation = (invitationId: string): Invitation => ({ ...invitation(invitationId, 'peer'), frameworkId: custom.id, framework: custom });

const pairKey = (prefix: string, a: string, b: string) => `${prefix}${JSON.stringify([a, b])}`;

type Version1 = { settings: [string, unknown][]; responses: ReturnType<typeof responseRecord>[]; frameworks?: { id: string; framework: unknown; file: string; addedAt: string }[] };

/**
 * Writes a version 1 database by hand, with the schema the first Skillscope created, from a
 * blank page of the app's origin (`__seed.html`, answered by the test), so that no code of the
 * app runs before it.
 */
async function seedVersion1(seed: Version1): Promise<void> {
  context = await launchPersistentContext();
  const blank = `${baseUrl()}__seed.html`;
  await context.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  const page = await context.newPage();
  await page.goto(blank);
  await page.evaluate(async ({ settings, responses, frameworks = [] }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('skillscope', 1);
      request.onupgradeneeded = () => {
        const created = request.result;
        created.createObjectStore('drafts', { keyPath: 'key' });
        created.createObjectStore('responses', { keyPath: 'responseId' }).createIndex('bySubject', ['subjectId', 'frameworkId']);
        created.createObjectStore('frameworks', { keyPath: 'id' });
        created.createObjectStore('settings');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['settings', 'responses', 'frameworks'], 'readwrite');
    for (const [key, value] of settings) tx.objectStore('settings').put(value, key);
    for (const record of responses) tx.objectStore('responses').put(record);
    for (const record of frameworks) tx.objectStore('frameworks').put(record);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, seed);
  await page.close();
}

/** The database as it is now: its version, the settings keys left, and how many entries each store holds. */
async function storedShape(page: Page): Promise<{ version: number; settingsKeys: string[]; counts: Record<string, number> }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('skillscope');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names);
    const ask = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const settingsKeys = (await ask(tx.objectStore('settings').getAllKeys())).map(String);
    const counts = Object.fromEntries(await Promise.all(names.map(async (name) => [name, await ask(tx.objectStore(name).count())] as const)));
    const version = db.version;
    db.close();
    return { version, settingsKeys, counts };
  });
}

/**
 * Each invitation link on the invite page: its label and the invitation id it carries. Polled by
 * the tests: a hash change keeps the previous route's list on screen for a moment.
 */
async function invitationList(page: Page): Promise<{ label: string; id: string }[]> {
  await page.getByRole('heading', { name: /Invite raters/ }).waitFor();
  await page.locator('.invitation-list input').first().waitFor();
  return page.locator('.invitation-list li').evaluateAll((items) =>
    items.map((item) => ({ label: item.querySelector('label')?.firstChild?.textContent?.trim() ?? '', id: item.querySelector('input')?.id.replace(/^link-/, '') ?? '' })),
  );
}

describe('a browser that holds data from the version 1 database', () => {
  it('keeps the invitations in their order, the rater\'s submitted response and its delivery, and the responses', async () => {
    const self = response('self-1', 'self', '2025-03-01T10:00:00Z');
    const sent = [invitation('inv-manager', 'manager'), invitation('inv-peer-a', 'peer', ENDPOINT), invitation('inv-peer-b', 'peer')];
    const submitted = response('inv-peer-a', 'peer', '2025-03-03T08:00:00Z');
    await seedVersion1({
      settings: [
        ['learner', LEARNER],
        ['persist-asked', true],
        [pairKey('invitations:', framework.id, LEARNER.subjectId), sent.map((value) => ({ invitation: value, createdAt: '2025-03-01T11:00:00Z' }))],
        ['submitted:inv-peer-a', writeResponseFile(submitted)],
        [pairKey('delivered:', 'inv-peer-a', ENDPOINT), true],
        [pairKey('invitations:', custom.id, LEARNER.subjectId), [{ invitation: customInvitation('inv-custom'), createdAt: '2025-03-01T12:00:00Z' }]],
      ],
      responses: [responseRecord(self)],
      frameworks: [{ id: custom.id, framework: custom, file: 'team-custom.json', addedAt: '2025-02-28T09:00:00Z' }],
    });
    const posts: string[] = [];
    await context?.route(`${new URL(ENDPOINT).origin}/**`, (route, request) => {
      posts.push(request.method());
      return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, body: '{}' });
    });
    const page = await (context as BrowserContext).newPage();

    await page.goto(appUrl(`#/invite/${framework.id}`));
    await expect.poll(() => invitationList(page), { timeout: 10_000 }).toEqual([
      { label: 'Manager 1', id: 'inv-manager' },
      { label: 'Peer 1', id: 'inv-peer-a' },
      { label: 'Peer 2', id: 'inv-peer-b' },
    ]);
    await page.goto(appUrl(`#/invite/${custom.id}`));
    await expect.poll(() => invitationList(page), { timeout: 10_000 }).toEqual([{ label: 'Peer 1', id: 'inv-custom' }]);

    // The rater's browser (here the same one) reopens the link: the thank-you page, already delivered.
    await page.goto(appUrl(`#/rate/${encodeInvitation(sent[1] as Invitation)}`));
    await page.getByRole('heading', { name: /Thank you/ }).waitFor();
    await page.locator('[role="status"]', { hasText: 'Delivered' }).waitFor();
    await expect(page.getByLabel(/Copy this code/).inputValue()).resolves.toMatch(/\S/);
    expect(posts).toEqual([]);

    await page.goto(appUrl(`#/profile/${framework.id}`));
    await page.locator(`.profile-header dd time[datetime="${self.submittedAt}"]`).waitFor();
    await expect(page.getByText('Your profile').isVisible()).resolves.toBe(true);
    await page.goto(appUrl('#/data'));
    await page.getByText('1 self-assessment and 0 responses from raters').waitFor();
    await expect(page.getByText(/no longer reads? back/).count()).resolves.toBe(0);

    const shape = await storedShape(page);
    expect(shape.version).toBe(4);
    expect(shape.settingsKeys.sort()).toEqual(['learner', 'persist-asked']);
    expect(shape.counts).toMatchObject({ responses: 1, frameworks: 1, submissions: 1, deliveries: 1, invitations: 4 });
  });

  it('waits, and says so, while another tab still holds the version 1 database open', async () => {
    const self = response('self-1', 'self', '2025-03-01T10:00:00Z');
    await seedVersion1({ settings: [['learner', LEARNER]], responses: [responseRecord(self)] });
    // A tab of the first Skillscope, which never closes its connection for an upgrade.
    const older = await (context as BrowserContext).newPage();
    await older.goto(`${baseUrl()}__seed.html`);
    await older.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('skillscope', 1);
      open.onsuccess = () => {
        (window as unknown as { held: IDBDatabase }).held = open.result;
        resolve();
      };
      open.onerror = () => reject(open.error);
    }));
    const page = await (context as BrowserContext).newPage();
    await page.goto(appUrl('#/data'));
    await page.getByRole('alert').filter({ hasText: /open in another tab that runs an older version/ }).waitFor();

    await older.close();
    await page.getByText('1 self-assessment and 0 responses from raters').waitFor();
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });

  it('says on every page which stored entries no longer read back, and keeps them', async () => {
    const self = response('self-1', 'self', '2025-03-01T10:00:00Z');
    const cutShort = response('peer-1', 'peer', '2025-03-02T10:00:00Z');
    const good = invitation('inv-good', 'peer');
    const lost = invitation('inv-lost', 'manager');
    await seedVersion1({
      settings: [
        ['learner', LEARNER],
        [pairKey('invitations:', framework.id, LEARNER.subjectId), [{ invitation: good, createdAt: '2025-03-01T11:00:00Z' }, { not: 'an invitation' }]],
        // Not a response file's text: the rater's earlier submission no longer reads back.
        ['submitted:inv-lost', 42],
      ],
      responses: [responseRecord(self), responseRecord(cutShort, writeResponseFile(cutShort).slice(0, 200))],
    });
    const page = await (context as BrowserContext).newPage();
    const notice = (text: RegExp) => page.locator('.banner-warn', { hasText: text });

    await page.goto(appUrl(`#/profile/${framework.id}`));
    await notice(/1 stored response no longer reads back .* left out of this profile/).waitFor();
    await page.locator(`.profile-header dd time[datetime="${self.submittedAt}"]`).waitFor();

    await page.goto(appUrl('#/data'));
    await notice(/1 stored response no longer reads back .* left out of every figure and export/).waitFor();
    await page.getByText('1 self-assessment and 0 responses from raters').waitFor();

    await page.goto(appUrl('#/team'));
    await notice(/1 stored response no longer reads back .* left out of the team's figures and exports/).waitFor();

    await page.goto(appUrl(`#/invite/${framework.id}`));
    await expect.poll(() => invitationList(page), { timeout: 10_000 }).toEqual([{ label: 'Peer 1', id: 'inv-good' }]);
    await notice(/1 stored invitation no longer reads back/).waitFor();

    await page.goto(appUrl(`#/rate/${encodeInvitation(lost)}`));
    await page.getByRole('heading', { name: 'Feedback for Ana Ruiz' }).waitFor();
    await notice(/earlier answers to this link .* no longer read back/).waitFor();

    // Left out of what is shown, but still stored: an export or a later fix can still reach them.
    const shape = await storedShape(page);
    expect(shape.counts).toMatchObject({ responses: 2, submissions: 1, invitations: 2 });
  });
});
