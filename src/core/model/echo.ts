/**
 * User text quoted back in a message. Control characters, line and paragraph separators and
 * bidirectional controls are shown as escapes, so that no echoed value can start a fake line,
 * clear a terminal or reorder the text after it; long values are cut to a short excerpt.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first `max` characters, never ending on half of a surrogate pair, `…` when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** `"abc…" (1,234,567 characters)` for a long value, `"abc"` for a short one; always one line. */
export function excerpt(text: string, max = 40): string {
  if (text.length <= max) return `"${escapeControls(text)}"`;
  return `"${escapeControls(cut(text, max))}" (${text.length.toLocaleString('en')} characters)`;
}

/** Any JSON value in a message: text as an excerpt, other values as short JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return excerpt(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a number too large to read';
  const json = JSON.stringify(value) ?? String(value);
  return escapeControls(cut(json, 60));
}
