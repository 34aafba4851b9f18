import type { Issue } from '../model/result.ts';

/**
 * The body of the IT Generalist work process schedule (seed 003): competency areas, each a
 * heading line over a "Competencies / Date Completed / Initial" sign-off table whose rows are
 * lettered competencies ("A. Sets up ..."), each followed by empty date and initial cells.
 */

import type { Line } from './text-lines.ts';

export type Competency = { letter: string; text: string; row: number };
export type CompetencyArea = { title: string; row: number; competencies: Competency[] };

type Issues = Omit<Issue, 'file'>[];

const TABLE_HEADING = 'competencies';
/** The column headings under "Competencies": the sign-off cells, not competencies. */
const SIGN_OFF_COLUMNS = new Set(['date completed', 'initial']);
const LETTERED = /^([A-Z])\.\s+(.*)$/;

/** Every competency area in lines[0, end), with its lettered competencies in source order. */
export function readCompetencyAreas(lines: readonly Line[], end: number, issues: Issues): CompetencyArea[] {
  const tables: number[] = [];
  for (let index = 0; index < end; index += 1) {
    if ((lines[index] as Line).text.toLowerCase() === TABLE_HEADING) tables.push(index);
  }
  if (tables.length === 0) {
    issues.push({ code: 'it-generalist.missing-section', path: 'areas', message: 'No competency area was found: each has a "Competencies" table heading.' });
  }
  // An area's title is the last non-blank line above its table heading.
  const titles = tables.map((at) => previousNonBlank(lines, at));
  return tables.map((tableAt, index) => {
    const titleAt = titles[index] ?? -1;
    const title = lines[titleAt]?.text ?? '';
    const row = lines[tableAt]?.row ?? 0;
    const path = `areas[${index}]`;
    if (title === '') issues.push({ code: 'it-generalist.missing-title', path, row, message: 'This "Competencies" table has no area title above it.' });
    const areaEnd = titles[index + 1] ?? end;
    const competencies = readCompetencies(lines, tableAt + 1, areaEnd, path, issues);
    if (competencies.length === 0) {
      issues.push({ code: 'it-generalist.empty-area', path, row, message: `The area "${title}" has no lettered competencies.` });
    }
    return { title, row, competencies };
  });
}

function previousNonBlank(lines: readonly Line[], at: number): number {
  let index = at - 1;
  while (index >= 0 && (lines[index] as Line).text === '') index -= 1;
  return index;
}

/**
 * Lettered lines A., B., C. in order. A line right under a competency (no blank line between) is
 * the competency wrapped by the layout and is joined to it; any other text is an issue.
 */
function readCompetencies(lines: readonly Line[], from: number, to: number, path: string, issues: Issues): Competency[] {
  const competencies: Competency[] = [];
  let previousBlank = true;
  for (let index = from; index < to; index += 1) {
    const line = lines[index] as Line;
    if (line.text === '') {
      previousBlank = true;
      continue;
    }
    const match = LETTERED.exec(line.text);
    const last = competencies.at(-1);
    if (match !== null) {
      const letter = match[1] ?? '';
      // Compared with the letter before it, so one missing competency is one issue, not a cascade.
      const expected = last === undefined ? 'A' : String.fromCharCode(last.letter.charCodeAt(0) + 1);
      if (letter !== expected) {
        issues.push({
          code: 'it-generalist.lettering',
          path,
          row: line.row,
          message: `Competency ${letter} should be ${expected}: a competency is missing or out of order.`,
        });
      }
      competencies.push({ letter, text: (match[2] ?? '').trim(), row: line.row });
    } else if (last === undefined && SIGN_OFF_COLUMNS.has(line.text.toLowerCase())) {
      // The table's column headings.
    } else if (last !== undefined && !previousBlank) {
      last.text = `${last.text} ${line.text}`;
    } else {
      issues.push({ code: 'it-generalist.stray-line', path, row: line.row, message: `"${line.text}" is neither a lettered competency nor part of one.` });
    }
    previousBlank = false;
  }
  return competencies;
}
