/** A seed document's lines, trimmed, with their 1-based numbers for issues. */
export type Line = {
  /** The line as written, without its line break. */
  raw: string;
  /** The line, trimmed (which also drops no-break spaces and the tabs of empty table cells). */
  text: string;
  row: number;
};

/** The one line splitter for text sources: CRLF, CR or LF; a leading BOM dropped. */
export function splitLines(text: string): Line[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return source.split(/\r\n|\r|\n/).map((raw, index) => ({ raw, text: raw.trim(), row: index + 1 }));
}
