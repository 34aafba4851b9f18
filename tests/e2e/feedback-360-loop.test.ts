import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResponseFile } from '../../src/core/io/response-file.ts';
import type { Framework } from '../../src/core/model/framework.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';
import { parseFrameworkFile } from '../../src/core/parse/parse-framework-file.ts';
import { roundFigure, roundPercent } from '../../src/core/score/rounding.ts';
import { scoreSubject } from '../../src/core/score/score-subject.ts';
import type { SubjectScore } from '../../src/core/score/subject-score.ts';
import { onetExportText } from '../fixtures/onet-export.ts';
import { builtinFramework, builtinFrameworks } from '../support/builtin-frameworks.ts';
import { appUrl, axeViolations, launchBrowser, launchPersistentContext, watchForeignRequests } from './browser.ts';
import { SCREENSHOTS_DIR } from './screenshots-dir.ts';
import {
  answerPattern, createLinks, csvRecords, downloadBytes, importCodes, importFiles, learnerSubjectId, type Link, planInvitations,
  type RaterResult, rateFromLink, scoreWithCli, selfAssess, tempDir,
} from './support-360-flow.ts';

const BUILTIN_IDS = new Set(builtinFrameworks().map((f) => f.id));
const isBuiltin = (id: string) => BUILTIN_IDS.has(id);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Row = { axis: string; group: string; mean: string; percent: string; raters: string; ratings: string };

/** The profile's figure tables, row by row, as rendered. */
async function tableRows(page: Page, slug: string): Promise<Row[]> {
  return page.locator(`#${slug}-table tr[data-axis]`).evaluateAll((rows) =>
    rows.map((row) => {
      const cell = (figure: string) => row.querySelector(`[data-figure="${figure}"]`)?.textContent ?? '';
      return { axis: row.getAttribute('data-axis') ?? '', group: row.getAttribute('data-group') ?? '', mean: cell('mean'), percent: cell('percent'), raters: cell('raters'), ratings: cell('ratings') };
    }),
  );
}

/** What the tables must show: core's figures with core's rounding, from the downloaded files. */
function expectedRows(score: SubjectScore, kind: 'level' | 'domain'): Row[] {
  const figure = (value: number | null) => (value === null ? '—' : (roundFigure(value) as number).toFixed(2));
  return score.axes.filter((axis) => axis.kind === kind).flatMap((axis) =>
    axis.groups.map((g) => ({
      axis: axis.id, group: g.group, mean: figure(g.mean),
      percent: g.percent === null ? '—' : `${(roundPercent(g.percent) as number).toFixed(1)}%`,
      raters: String(g.raters), ratings: String(g.ratings),
    })),
  );
}

type Scenario = {
  title: string;
  framework: () => Framework;
  /** A framework file of the user's own, opened on the home page; the links must carry it. */
  frameworkFile?: { name: string; text: string };
  screenshots: boolean;
  /** Import one rater's code before their file, instead of after. */
  codeFirst: boolean;
};

const onetText = onetExportText();
const onetFramework = (): Framework => {
  const parsed = parseFrameworkFile(onetText, 'onet.json');
  if (!parsed.ok || parsed.value[0] === undefined) throw new Error(JSON.stringify(parsed));
  return parsed.value[0];
};

const scenarios: Scenario[] = [
  // 13 statements over the four levels: short, and the profile draws a radar by level.
  { title: 'the built-in css-ai-at-work framework', framework: () => builtinFramework('css-ai-at-work'), screenshots: true, codeFirst: false },
  { title: 'an O*NET framework file of the learner\'s own', framework: onetFramework, frameworkFile: { name: 'network-admins.json', text: onetText }, screenshots: false, codeFirst: true },
];

describe.each(scenarios)('the whole 360 loop on $title', (scenario) => {
  let framework: Framework;
  let learner: BrowserContext;
  let foreign: string[];
  let page: Page;
  let links: Link[];
  const raters: { link: Link; result: RaterResult }[] = [];
  let selfFile = '';
  let subjectId = '';
  const dir = tempDir('loop');

  beforeAll(async () => {
    framework = scenario.framework();
    learner = await launchPersistentContext();
    foreign = watchForeignRequests(learner);
    page = await learner.newPage();
    if (scenario.frameworkFile) {
      await page.goto(appUrl('#/'));
      await page.getByLabel('Framework file', { exact: true }).setInputFiles({ name: scenario.frameworkFile.name, mimeType: 'application/json', buffer: Buffer.from(scenario.frameworkFile.text) });
      await page.getByText(`Opened ${framework.title}`).waitFor();
    }
    await selfAssess(page, framework, answerPattern(0), 'Ana Ruiz');
    subjectId = await learnerSubjectId(page);
  });
  afterAll(async () => {
    await learner?.close();
  });

  it('creates one link per invited rater: a manager and three peers, with no anonymity warning', async () => {
    await planInvitations(page, framework.id, { manager: 1, peer: 3 });
    await expect(page.getByText('If everyone responds, every group you invite is shown on its own.').isVisible()).resolves.toBe(true);
    links = await createLinks(page, isBuiltin);
    if (scenario.screenshots) {
      await page.locator('body').click({ position: { x: 5, y: 200 } });
      await page.screenshot({ path: join(SCREENSHOTS_DIR, 'invite-360-1280.png'), fullPage: true });
    }
    expect(links.map((link) => link.invitation.group).sort()).toEqual(['manager', 'peer', 'peer', 'peer']);
    for (const { invitation } of links) {
      expect(invitation).toMatchObject({ frameworkId: framework.id, learnerName: 'Ana Ruiz', subjectId, endpoint: null });
      // Only a framework outside the built-in set travels in the link.
      expect(invitation.framework?.id ?? null).toBe(scenario.frameworkFile ? framework.id : null);
    }
    expect(new Set(links.map((link) => link.invitation.invitationId)).size).toBe(4);
    const labels = await page.locator('.invitation-list label').allTextContents();
    expect(labels.map((label) => label.replace(/ ·.*$/, ''))).toEqual(['Manager 1', 'Peer 1', 'Peer 2', 'Peer 3']);
    const mailto = await page.getByRole('link', { name: /E-mail it/ }).first().getAttribute('href');
    expect(decodeURIComponent(mailto ?? '')).toContain(links[0]?.url);
  });

  it('lets four raters, each in a browser of their own, answer their link and download the response file', async () => {
    for (const [index, link] of links.entries()) {
      const last = index === links.length - 1;
      const result = await rateFromLink(browser, link, framework, answerPattern(index + 1), dir, {
        comment: `Comment from rater ${index + 1}`,
        beforeComplete: async (rater) => {
          if (!last) return;
          // The rater's page before answering: who is rated and how answers will be shown.
          await expect(rater.getByRole('heading', { name: 'How your answers will be shown' }).isVisible()).resolves.toBe(true);
          // An open 360 says plainly that the learner can read each answer (issue 10).
          await expect(rater.getByText(/can read each of your answers/).isVisible()).resolves.toBe(true);
          await expect(axeViolations(rater)).resolves.toEqual([]);
          if (scenario.screenshots) await rater.screenshot({ path: join(SCREENSHOTS_DIR, 'rate-360-1280.png'), fullPage: true });
        },
      });
      const parsed = parseResponseFile(result.fileText, result.file, (id) => (id === framework.id ? framework : undefined));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value).toMatchObject({ frameworkId: framework.id, subjectId, raterGroup: link.invitation.group, surveyId: `${framework.id}.360` });
      expect(result.code).toMatch(/^SKR1\./);
      raters.push({ link, result });
    }
    expect(raters).toHaveLength(4);
  });

  it('imports the four files at once, and counts the same response pasted as a code once', async () => {
    const peer = raters.find((r) => r.link.invitation.group === 'peer');
    if (!scenario.codeFirst) {
      await expect(importFiles(page, raters.map((r) => r.result.file))).resolves.toBe('Imported 4 responses.');
      await expect(importCodes(page, peer?.result.code ?? '')).resolves.toBe('Imported 0 responses; 1 was already here and counted once.');
    } else {
      // The peer sent only the code at first, then the file as well.
      await expect(importFiles(page, raters.filter((r) => r !== peer).map((r) => r.result.file))).resolves.toBe('Imported 3 responses.');
      await expect(importCodes(page, `  ${peer?.result.code ?? ''}\n`)).resolves.toBe('Imported 1 response.');
      await expect(importFiles(page, [peer?.result.file ?? ''])).resolves.toBe('Imported 0 responses; 1 was already here and counted once.');
    }
    await expect(page.getByText('1 self-assessment and 4 responses from raters').isVisible()).resolves.toBe(true);
  });

  it('shows self, manager, peers and all others in the profile, with core\'s figures for the same files', async () => {
    await page.goto(appUrl(`#/profile/${framework.id}`));
    await page.locator('#levels-table').waitFor();
    // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
    await page.locator('.statement-list').waitFor();
    const rows = await tableRows(page, 'levels');
    expect([...new Set(rows.map((row) => row.group))].sort()).toEqual(['manager', 'others', 'peer', 'self']);
    await expect(page.locator('.visibility-notice').count()).resolves.toBe(0);

    // The self-assessment as the learner can download it from their data page.
    await page.goto(appUrl('#/data'));
    await page.locator('summary', { hasText: 'Response files' }).click();
    const self = await downloadBytes(page, /Download self-assessment/);
    selfFile = join(dir, 'self.json');
    writeFileSync(selfFile, self.bytes);
    const lookup = (id: string) => (id === framework.id ? framework : undefined);
    const responses = [selfFile, ...raters.map((r) => r.result.file)].map((file) => {
      const parsed = parseResponseFile(readFileSync(file, 'utf8'), file, lookup);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      return parsed.value;
    }) satisfies SurveyResponse[];
    const score = scoreSubject(framework, responses, subjectId);

    await page.goto(appUrl(`#/profile/${framework.id}`));
    await page.locator('#levels-table').waitFor();
    // The rest of the profile (AfterFirstPaint) comes in the task after its first screen; the statement list last.
    await page.locator('.statement-list').waitFor();
    await expect(tableRows(page, 'levels')).resolves.toEqual(expectedRows(score, 'level'));
    // Comments appear under each shown group they belong to, sorted, never with a rater's name.
    const commentsOf = (group: string) => page.locator(`.comments [data-group="${group}"] q`).allTextContents();
    const written = (groups: string[]) => raters.flatMap((r, index) => (groups.includes(r.link.invitation.group) ? [`Comment from rater ${index + 1}`] : [])).sort();
    await expect(commentsOf('manager')).resolves.toEqual(written(['manager']));
    await expect(commentsOf('peer')).resolves.toEqual(written(['peer']));
    // Issue 14: each comment once; with manager and peers both shown, none is left for all others.
    await expect(commentsOf('others')).resolves.toEqual([]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    if (scenario.screenshots) await page.screenshot({ path: join(SCREENSHOTS_DIR, 'profile-360-loop-1280.png'), fullPage: true });
  });

  it('exports a summary.csv byte for byte the same as npm run score writes from the same response files', async () => {
    await page.goto(appUrl('#/data'));
    const exported = await downloadBytes(page, 'Download summary.csv');
    expect(exported.name).toBe('summary.csv');
    const out = tempDir('cli');
    let frameworkFile: string | undefined;
    if (scenario.frameworkFile) {
      frameworkFile = join(dir, scenario.frameworkFile.name);
      writeFileSync(frameworkFile, scenario.frameworkFile.text);
    }
    await scoreWithCli([selfFile, ...raters.map((r) => r.result.file)], out, frameworkFile);
    const cli = readFileSync(join(out, 'summary.csv'));
    expect(exported.bytes.toString('utf8')).toBe(cli.toString('utf8'));
    expect(exported.bytes.equals(cli)).toBe(true);
    const groups = new Set(csvRecords(cli).map((row) => row.rater_group));
    expect([...groups].sort()).toEqual(['manager', 'others', 'peer', 'self']);
  });

  it('asks nothing of any origin but its own, in the learner\'s browser', () => {
    expect(foreign).toEqual([]);
  });
});
