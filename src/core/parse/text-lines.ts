/** A seed document's lines, trimmed, with their 1-based numbers for issues. */
export type Line = {
  /** The line, trimmed (which also drops no-break spaces and the tabs of empty table cells). */
  text: string;
  row: number;
};

export function splitLines(text: string): Line[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return source.split(/\r\n|\r|\n/).map((line, index) => ({ text: line.trim(), row: index + 1 }));
}
