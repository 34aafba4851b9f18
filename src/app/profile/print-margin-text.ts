import { cut, escapeControls } from '../../core/model/echo.ts';
import { dateFormat } from '../components/date-formats.ts';

/** Longer names or titles would wrap in a 15 mm page margin and run into the report below. */
const MAX_MARGIN_CHARS = 70;

/**
 * User text (a learner's name, a framework's title) as a CSS string for the page margins'
 * `content: var(...)`: one line, cut short, control and bidi characters shown as escapes
 * (echo.ts), then quoted, so that no name can end the string or reorder the margin's text.
 */
export function cssStringOf(text: string): string {
  const line = escapeControls(cut(text.trim(), MAX_MARGIN_CHARS));
  return `"${line.replace(/[\\"]/g, (char) => `\\${char}`)}"`;
}

/** "Printed 29 November 2026", in the reader's own words for a date. */
export function printedOn(now: Date): string {
  return `Printed ${dateFormat({ dateStyle: 'long' }).format(now)}`;
}
