import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { Rating } from '../../src/core/model/rating-scale.ts';
import type { OtherGroup, SurveyResponse } from '../../src/core/model/response.ts';
import { parseFrameworkFile } from '../../src/core/parse/parse-framework-file.ts';
import { encodeInvitation, type Invitation } from '../../src/core/share/invitation.ts';
import { encodeResponseCode } from '../../src/core/io/response-code.ts';
import { onetExportText } from '../fixtures/onet-export.ts';
import { builtinFramework } from '../support/builtin-frameworks.ts';
import { appUrl, launchPersistentContext } from './browser.ts';
import { importCodes, importFiles } from './support-360-flow.ts';
import { answersFromEntries } from '../../src/core/model/answers.ts';

const framework = builtinFramework('css-ai-at-work');
let context: BrowserContext;
/** Uncaught errors and console errors of every page: a damaged input must never cause one. */
const crashes: string[] = [];

beforeAll(async () => {
  context = await launchPersistentContext();
  context.on('page', (page) => {
    page.on('pageerror', (error) => crashes.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') crashes.push(message.text());
    });
  });
});
afterAll(async () => {
  await context?.close();
});

const invitation = (overrides: Partial<Invitation> = {}): Invitation => ({
  invitationId: 'inv-1', frameworkId: framework.id, learnerName: 'Ana Ruiz', subjectId: 'ana-ruiz-x7k2', group: 'peer', note: '', endpoint: null, framework: null, ...overrides,
});

function response(responseId: string, raterGroup: OtherGroup, frameworkOf: Framework = framework, rating: number = 3): SurveyResponse {
  return {
    responseId, frameworkId: frameworkOf.id, surveyId: `${frameworkOf.id}.360`, subjectId: 'ana-ruiz-x7k2', raterGroup, submittedAt: '2026-03-01T10:00:00.000Z',
    answers: answersFromEntries(frameworkOf.statements.map((s) => [s.id, rating as Rating]), frameworkOf), comments: new Map(),
  };
}

/** Opens a rate link and returns what the rater reads, after the page has settled. */
async function openLink(page: Page, payload: string): Promise<string> {
  await page.goto(appUrl(`#/rate/${payload}`));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page.locator('main').innerText();
}

describe('a rater opening a damaged invitation link', () => {
  let page: Page;
  const good = encodeInvitation(invitation());
  beforeAll(async () => {
    page = await context.newPage();
  });

  it('opens the survey from the intact link, so the cases below fail for the damage alone', async () => {
    await expect(openLink(page, good)).resolves.toContain('Feedback for Ana Ruiz');
  });

  it.each([
    ['cut short', good.slice(0, Math.floor(good.length / 2)), /incomplete|cut short|changed/],
    ['cut to its prefix', 'SKI1.', /changed or cut short|incomplete/],
    ['edited in the middle', `${good.slice(0, 40)}${good[40] === 'A' ? 'B' : 'A'}${good.slice(41)}`, /changed after it was made|incomplete|changed or cut short/],
    ['not an invitation at all', 'hello-world', /not a Skillscope invitation link/],
    ['empty', '', /not a Skillscope invitation link/],
    ['oversized', `SKI1.${'A'.repeat(500_000)}`, /larger than any invitation/],
    ['for a framework this app does not have, without carrying it', encodeInvitation(invitation({ frameworkId: 'onet-99-9999-00' })), /does not have, and does not carry it/],
  ])('explains a link %s on a page of its own, with no crash', async (_, payload, why) => {
    const text = await openLink(page, payload);
    expect(text).toContain('This invitation link does not work');
    expect(text).toMatch(why);
    expect(text).toContain('Ask the person who invited you to send it again');
    // An import's wording has no place on a link page.
    expect(text).not.toMatch(/Nothing was imported|stack|TypeError|undefined/);
    expect(crashes).toEqual([]);
  });
});

describe('a learner importing damaged codes and files', () => {
  let page: Page;
  const good = [response('good-1', 'peer'), response('good-2', 'manager')];
  const onet = (() => {
    const parsed = parseFrameworkFile(onetExportText(), 'onet.json');
    if (!parsed.ok || !parsed.value[0]) throw new Error('fixture');
    return parsed.value[0];
  })();

  beforeAll(async () => {
    page = await context.newPage();
    await page.goto(appUrl('#/data'));
  });

  const storedCount = () => page.getByText(/self-assessments? and \d+ responses? from raters/).textContent();

  it.each([
    ['cut short', (code: string) => code.slice(0, code.length - 12), /incomplete or damaged|copied whole/],
    ['edited in the middle', (code: string) => `${code.slice(0, 30)}${code[30] === 'A' ? 'B' : 'A'}${code.slice(31)}`, /changed after it was made|incomplete or damaged|copied whole/],
    ['oversized', () => `SKR1.${'A'.repeat(200_001)}`, /larger than any response/],
  ])('refuses a response code %s, naming the pasted code and why', async (_, damage, why) => {
    const verdict = await importCodes(page, damage(encodeResponseCode(good[0] as SurveyResponse, framework)));
    expect(verdict).toContain('Nothing was imported');
    expect(verdict).toMatch(/pasted text, code 1: /);
    expect(verdict).toMatch(why);
    await expect(storedCount()).resolves.toBe('0 self-assessments and 0 responses from raters');
  });

  it('refuses a code made for a framework the learner has not opened', async () => {
    const verdict = await importCodes(page, encodeResponseCode(response('onet-1', 'peer', onet), onet));
    // The page's own words (issue 14): the framework's id, that it came from a file, and an offer to open it.
    expect(verdict).toMatch(/onet-15-1244-00, named by pasted text\. It is not one of the built-in frameworks, so the learner opened it from a framework file/);
    expect(verdict).toContain('Open the framework file');
  });

  it('refuses a code made for another version of the same framework, never misreading it', async () => {
    const older: Framework = { ...framework, statements: framework.statements.slice(0, -1) };
    const verdict = await importCodes(page, encodeResponseCode(response('old-1', 'peer', older), older));
    expect(verdict).toMatch(/pasted text, code 1: The code was made for a different version of/);
    await expect(storedCount()).resolves.toBe('0 self-assessments and 0 responses from raters');
  });

  it('imports nothing from a batch with bad files among good ones, and lists every problem by file', async () => {
    const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const goodFiles = good.map((r) => json(`${r.responseId}.json`, writeResponseFile(r)));
    const outOfScale = writeResponseFile(response('bad-rating', 'peer')).replace('"emerging-01": 3', '"emerging-01": 7');
    const verdict = await importFiles(page, [
      ...goodFiles,
      json('broken.json', '{"format": "skillscope-response", "version": 1,'),
      json('out-of-scale.json', outOfScale),
      { name: 'summary.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFFsubject_id,framework_id,axis_kind,axis_id,rater_group,raters,ratings,mean,percent,sd,attained_level\r\n') },
    ]);
    expect(verdict).toContain('Nothing was imported');
    const problems = await page.getByRole('alert').locator('li').allTextContents();
    const about = (file: string) => problems.filter((text) => text.startsWith(file));
    expect(about('broken.json').length).toBeGreaterThan(0);
    expect(about('out-of-scale.json').join(' ')).toMatch(/emerging-01/);
    expect(about('summary.csv').join(' ')).toMatch(/holds figures, not answers/);
    expect(problems.filter((text) => text.startsWith('good-'))).toEqual([]);
    await expect(storedCount()).resolves.toBe('0 self-assessments and 0 responses from raters');
    expect(crashes).toEqual([]);
  });

  it('refuses the same response id with different answers, naming both files', async () => {
    const json = (name: string, r: SurveyResponse) => ({ name, mimeType: 'application/json', buffer: Buffer.from(writeResponseFile(r)) });
    const verdict = await importFiles(page, [json('good-1.json', good[0] as SurveyResponse), json('good-1-edited.json', response('good-1', 'peer', framework, 2))]);
    expect(verdict).toContain('Nothing was imported');
    const problems = await page.getByRole('alert').locator('li').allTextContents();
    expect(problems.some((text) => text.includes('good-1.json') && text.includes('good-1-edited.json'))).toBe(true);
    await expect(storedCount()).resolves.toBe('0 self-assessments and 0 responses from raters');
  });

  it('imports the same good files once the bad ones are left out', async () => {
    const json = (r: SurveyResponse) => ({ name: `${r.responseId}.json`, mimeType: 'application/json', buffer: Buffer.from(writeResponseFile(r)) });
    await expect(importFiles(page, good.map(json))).resolves.toBe('Imported 2 responses.');
    await expect(storedCount()).resolves.toBe('0 self-assessments and 2 responses from raters');
  });
});
