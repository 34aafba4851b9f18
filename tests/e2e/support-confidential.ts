import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Framework } from '../../src/core/model/framework.ts';
import { roundFigure, roundPercent } from '../../src/core/score/rounding.ts';
import { axeViolations } from './browser.ts';
import { type AnswerPattern, answerWholeSurvey, downloadBytes } from './support-360-flow.ts';

/**
 * What the confidential 360 tests share (issue 10): axe findings as lines, the app's storage as
 * text, a rater answering a confidential link in a browser of their own, and the figures as the
 * profile tables print them.
 */

/** axe-core's findings, as lines a person can act on. */
export async function violations(on: Page): Promise<string[]> {
  return (await axeViolations(on)).flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(' ')}`));
}

/** Everything the app keeps in IndexedDB, as text (bytes decoded): what anyone with this browser could read. */
export function storedText(on: Page): Promise<string> {
  return on.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('skillscope');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const dump: Record<string, unknown> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      dump[name] = await new Promise((resolve) => {
        const all = db.transaction(name).objectStore(name).getAll();
        all.onsuccess = () => resolve(all.result);
      });
    }
    db.close();
    // Bytes as text too, so that a plain answer stored in a Uint8Array would show.
    return JSON.stringify(dump, (_key, value: unknown) => (value instanceof Uint8Array ? new TextDecoder().decode(value) : value));
  });
}

/** Unlocks the coach's stored key on #/coach with its passphrase. */
export async function unlockCoachKey(coach: Page, passphrase: string) {
  await coach.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await coach.getByRole('button', { name: 'Unlock' }).click();
}

export type SealedFile = { name: string; bytes: Buffer };
export type ConfidentialLink = { url: string; framework: Framework; learner: string; fingerprint: string };

/** A rater, in a browser of their own, checks the coach's fingerprint, answers the link and downloads the sealed file. */
export async function rateConfidential(browser: Browser, link: ConfidentialLink, answer: AnswerPattern, comment?: string): Promise<SealedFile> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(link.url);
    await page.getByRole('heading', { level: 1, name: `Confidential feedback for ${link.learner}` }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain(link.fingerprint);
    await answerWholeSurvey(page, link.framework, answer, 'rater', comment);
    await page.getByRole('heading', { level: 1, name: /^Thank you/ }).waitFor();
    return await downloadBytes(page, 'Download the sealed file');
  } finally {
    await context.close();
  }
}

/** A mean or SD as the profile's tables print it. */
export const figure = (value: number | null) => (value === null ? '—' : (roundFigure(value) as number).toFixed(2));
/** A percent as the profile's tables print it. */
export const percent = (value: number | null) => (value === null ? '—' : `${(roundPercent(value) as number).toFixed(1)}%`);
