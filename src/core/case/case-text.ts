import { cut, excerpt } from '../model/echo.ts';

/**
 * What the importer assumed, each kind said once with how often and one example, so a package
 * with 4,000 time stamps without a zone gives one line, not 4,000.
 */
export class Assumptions {
  private readonly kinds = new Map<string, { count: number; example: string; say: (count: number, example: string) => string }>();

  add(kind: string, example: string, say: (count: number, example: string) => string): void {
    const seen = this.kinds.get(kind);
    if (seen === undefined) this.kinds.set(kind, { count: 1, example, say });
    else seen.count += 1;
  }

  /** A note that needs no count: said once, whatever its kind. */
  once(kind: string, text: string): void {
    this.add(kind, '', () => text);
  }

  list(): string[] {
    return [...this.kinds.values()].map(({ count, example, say }) => say(count, example));
  }
}

/** C0 and C1 control characters other than tab and line feed: invisible, or worse, on a page. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from a package as Skillscope shows it: CR LF and lone CR as LF, other control characters
 * removed (noted), surrounding space trimmed. Returns whether anything was removed.
 */
export function cleanText(text: string): { text: string; removed: boolean } {
  const lines = text.replace(/\r\n?/g, '\n');
  const clean = lines.replace(CONTROLS, '');
  return { text: clean.trim(), removed: clean.length !== lines.length };
}

/** `"Item title" (identifier)` for messages: both escaped and cut. */
export function describeItem(title: string, identifier: string): string {
  return `${excerpt(title, 60)} (${excerpt(identifier, 40)})`;
}

/** A title cut to `max` characters at a word where one is near, with `…`. */
export function cutTitle(text: string, max: number): string {
  if (text.length <= max) return text;
  const short = cut(text, max - 1).slice(0, -1);
  const space = short.lastIndexOf(' ');
  return `${(space > max * 0.6 ? short.slice(0, space) : short).trimEnd()}…`;
}

export const plural = (count: number, word: string, words = `${word}s`) => `${count.toLocaleString('en')} ${count === 1 ? word : words}`;
