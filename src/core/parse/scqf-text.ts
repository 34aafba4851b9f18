/**
 * The text layout of an SCQF occupation profile (seed 002): trimmed lines with their row
 * numbers, markdown-style tables, and numbered lists whose items the layout may wrap.
 */

import type { Line } from './text-lines.ts';

/** Index of the first line from `from` whose text equals `text` (case-insensitive), or -1. */
export function findLine(lines: readonly Line[], text: string, from = 0): number {
  const wanted = text.toLowerCase();
  for (let index = from; index < lines.length; index += 1) {
    if (lines[index]?.text.toLowerCase() === wanted) return index;
  }
  return -1;
}

export function isTableLine(line: Line): boolean {
  return line.text.startsWith('|');
}

/** `| a | b |` -> ['a', 'b']; the cells keep their order, empty cells stay empty. */
export function tableCells(line: Line): string[] {
  const inner = line.text.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((cell) => cell.trim());
}

export function isSeparatorRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell));
}

export type TableRow = { cells: string[]; row: number };

/**
 * The first table at or after `from` (skipping blank and other lines until `limit`): its rows in
 * order, separator rows left out, and the index just past it. Null where no table starts.
 */
export function readTable(
  lines: readonly Line[],
  from: number,
  limit = lines.length,
): { rows: TableRow[]; end: number; skipped: Line[] } | null {
  let index = from;
  const skipped: Line[] = [];
  while (index < limit && !isTableLine(lines[index] as Line)) {
    const line = lines[index] as Line;
    if (line.text !== '') skipped.push(line);
    index += 1;
  }
  if (index >= limit) return null;
  const rows: TableRow[] = [];
  while (index < limit && isTableLine(lines[index] as Line)) {
    const line = lines[index] as Line;
    const cells = tableCells(line);
    if (!isSeparatorRow(cells)) rows.push({ cells, row: line.row });
    index += 1;
  }
  return { rows, end: index, skipped };
}

export type NumberedItem = { number: number; text: string; row: number };

const NUMBERED = /^(\d+)\.\s+(.*)$/;

/**
 * A numbered list in lines[from, to). An unnumbered line right under an item (no blank line
 * between) is the item wrapped by the layout and is joined to it with one space; blank lines
 * may sit between items. The list ends at the first unnumbered line after a blank line (a
 * heading of what follows): `end` is its index, `to` when the list runs to the limit.
 */
export function readNumberedList(
  lines: readonly Line[],
  from: number,
  to: number,
): { items: NumberedItem[]; end: number } {
  const items: NumberedItem[] = [];
  let previousBlank = true;
  for (let index = from; index < to; index += 1) {
    const line = lines[index] as Line;
    if (line.text === '') {
      previousBlank = true;
      continue;
    }
    const match = NUMBERED.exec(line.text);
    if (match !== null) {
      items.push({ number: Number(match[1]), text: (match[2] ?? '').trim(), row: line.row });
    } else {
      const last = items.at(-1);
      if (previousBlank || last === undefined) return { items, end: index };
      last.text = `${last.text} ${line.text}`;
    }
    previousBlank = false;
  }
  return { items, end: to };
}

/** The non-blank lines of lines[from, to), joined into paragraphs (a blank line between two). */
export function readParagraphs(lines: readonly Line[], from: number, to: number): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let index = from; index < to; index += 1) {
    const text = (lines[index] as Line).text;
    if (text === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(text);
    }
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs;
}

const MINOR_WORDS = new Set(['a', 'an', 'and', 'in', 'of', 'the', 'to', 'for']);

function titleWords(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word !== '' && !MINOR_WORDS.has(word)),
  );
}

/**
 * How alike two work-situation titles are, 0 to 1. The source names a work situation slightly
 * differently from table to table ("principles in" / "of project management", "automation" /
 * "batch scripts"), so tables are joined to work situations by their words, not exact text.
 */
export function titleLikeness(a: string, b: string): number {
  const left = titleWords(a);
  const right = titleWords(b);
  const size = Math.max(left.size, right.size);
  if (size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / size;
}
