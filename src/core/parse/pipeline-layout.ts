import { splitLines } from './text-lines.ts';
/**
 * The text layout of the PIPELINE pathway document (seed 000): markdown headings, the sections
 * under them, and the HTML and markdown markup its conversion left in the text.
 */

export type PipelineLine = {
  /** The line as in the file, tabs kept (they separate the cells of its tables). */
  raw: string;
  /** The line trimmed, markup removed. */
  text: string;
  /** 1-based line number in the file, for issues. */
  row: number;
};

export type PipelineSection = {
  /** The heading's text, markup removed. */
  heading: string;
  row: number;
  /** The lines under the heading, up to the next heading. */
  lines: PipelineLine[];
};

const HEADING = /^#{1,6}\s+(.*)$/;

/** Underline and superscript tags, bold stars, and the backslash escapes of `\*`. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<\/?(?:u|sup|sub|b|i|em|strong)>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/\\([*_#[\]\\-])/g, '$1')
    .trim();
}

export function splitPipelineLines(text: string): PipelineLine[] {
  return splitLines(text).map(({ raw, row }) => ({ raw, text: stripMarkup(raw), row }));
}

/** Every heading with the lines under it; lines before the first heading are dropped. */
export function readSections(lines: readonly PipelineLine[]): PipelineSection[] {
  const sections: PipelineSection[] = [];
  for (const line of lines) {
    const match = HEADING.exec(line.raw.trim());
    if (match !== null) {
      sections.push({ heading: stripMarkup(match[1] ?? ''), row: line.row, lines: [] });
    } else {
      sections.at(-1)?.lines.push(line);
    }
  }
  return sections;
}

export function findSection(sections: readonly PipelineSection[], heading: RegExp): PipelineSection | undefined {
  return sections.find((section) => heading.test(section.heading));
}

/** The cells of a tab-separated row, trimmed, empty cells left out. */
export function tabCells(line: PipelineLine): string[] {
  return line.raw
    .split('\t')
    .map((cell) => stripMarkup(cell))
    .filter((cell) => cell !== '');
}
