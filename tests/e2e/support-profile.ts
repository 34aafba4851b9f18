import type { Page } from 'playwright-core';
import { writeResponseFile } from '../../src/core/io/response-file.ts';
import type { SurveyResponse } from '../../src/core/model/response.ts';

/** Puts responses in the app's store as an import would: response files, as JSON text. */
export async function storeResponses(page: Page, responses: readonly SurveyResponse[]): Promise<void> {
  const records = responses.map((r) => ({ responseId: r.responseId, subjectId: r.subjectId, frameworkId: r.frameworkId, json: writeResponseFile(r), storedAt: new Date().toISOString() }));
  await page.evaluate(async (values) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('skillscope');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('responses', 'readwrite');
      for (const value of values) tx.objectStore('responses').put(value);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

/** The subject id the app gave the learner of this browser (settings store). */
export async function learnerId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('skillscope');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const learner = await new Promise<unknown>((resolve) => {
      const get = db.transaction('settings').objectStore('settings').get('learner');
      get.onsuccess = () => resolve(get.result);
    });
    db.close();
    return (learner as { subjectId: string }).subjectId;
  });
}

/** What a person on a narrow screen meets in one of the profile's tables. */
export type TableReading = {
  caption: string;
  /** The table is wider than its region. */
  wider: boolean;
  /** The region scrolls sideways (overflow-x auto or scroll). */
  scrolls: boolean;
  /** A visible line above the region says it scrolls. */
  cue: string | null;
  /** After scrolling to the far right, the first cell of every body row is still fully in view. */
  firstColumnStays: boolean;
  /** Cells whose text is cut off inside the cell itself. */
  clippedCells: string[];
};

/** Reads every table of the profile as a phone user would, scrolling each one to its right end. */
export async function readTables(page: Page): Promise<TableReading[]> {
  return page.locator('.profile .table-scroll').evaluateAll((regions) =>
    regions.map((region) => {
      const table = region.querySelector('table');
      const frame = region.closest('.table-frame');
      const cue = frame?.querySelector('.scroll-cue') ?? null;
      const wider = region.scrollWidth > region.clientWidth + 1;
      const style = getComputedStyle(region);
      region.scrollLeft = region.scrollWidth;
      const box = region.getBoundingClientRect();
      // A heading cell that spans the whole row keeps its text in view, not its box.
      const firsts = Array.from(table?.querySelectorAll('tbody tr') ?? [])
        .map((row) => row.firstElementChild)
        .map((cell) => (cell instanceof HTMLTableCellElement && cell.colSpan > 1 ? cell.firstElementChild : cell))
        .filter((cell): cell is Element => cell !== null);
      const firstColumnStays = firsts.every((cell) => {
        const rect = cell.getBoundingClientRect();
        return rect.left >= box.left - 1 && rect.left < box.right;
      });
      region.scrollLeft = 0;
      const clippedCells = Array.from(table?.querySelectorAll('th, td') ?? [])
        .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
        .map((cell) => cell.textContent ?? '');
      const cueVisible = cue !== null && (cue as HTMLElement).offsetParent !== null;
      return {
        caption: table?.querySelector('caption')?.textContent ?? '',
        wider,
        scrolls: style.overflowX === 'auto' || style.overflowX === 'scroll',
        cue: cueVisible ? cue?.textContent ?? null : null,
        firstColumnStays,
        clippedCells,
      };
    }),
  );
}
