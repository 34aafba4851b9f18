import type { AlignmentMatrix } from '../model/framework.ts';
import type { Issue } from '../model/result.ts';
import { readParagraphs, readTable, type TableRow, titleLikeness } from './scqf-text.ts';
import type { Line } from './text-lines.ts';

/**
 * The two tables at the end of an SCQF occupation profile: meta-skills by work situation (ticks),
 * and the National Occupational Standards each work situation links to (text).
 */

type Issues = Omit<Issue, 'file'>[];
export type WorkSituationRef = { id: string; title: string };

export type MetaSkillsAlignment = {
  matrix: AlignmentMatrix;
  /** The paragraphs under the table: what a tick means. */
  notes: string[];
};

const TICK = /^[✓✔☑☒xX]$/;
/** A row's title must share at least this share of its words with a work situation's title. */
const SAME_TITLE = 0.5;

/** The meta-skills table under lines[headingAt], read up to `end`. Null where it is unusable. */
export function readMetaSkillsAlignment(
  lines: readonly Line[],
  headingAt: number,
  end: number,
  situations: readonly WorkSituationRef[],
  issues: Issues,
): MetaSkillsAlignment | null {
  const headingRow = lines[headingAt]?.row ?? 0;
  const table = readTable(lines, headingAt + 1, end);
  if (table === null) {
    issues.push({ code: 'scqf.missing-section', path: 'metaSkills', row: headingRow, message: 'The meta-skills alignment heading has no table under it.' });
    return null;
  }
  // The meta-skill names sit in the row whose first cell (the work situation column) is empty.
  const namesAt = table.rows.findIndex((row) => row.cells[0] === '' && row.cells.some((cell) => cell !== ''));
  const names = namesAt === -1 ? [] : trimTrailingEmpty((table.rows[namesAt] as TableRow).cells.slice(1));
  if (names.length === 0 || names.some((name) => name === '')) {
    issues.push({ code: 'scqf.matrix-header', path: 'metaSkills', row: headingRow, message: 'The meta-skills table has no complete row of meta-skill names.' });
    return null;
  }

  const cells = names.map(() => situations.map(() => false));
  const matched = new Set<number>();
  for (const row of table.rows.slice(namesAt + 1)) {
    const title = row.cells[0] ?? '';
    if (title === '') continue;
    const column = bestMatch(title, situations, matched);
    if (column === -1) {
      issues.push({ code: 'scqf.matrix-unknown-row', path: 'metaSkills', row: row.row, message: `The meta-skills row "${title}" names no work situation of this profile.` });
      continue;
    }
    matched.add(column);
    const ticks = row.cells.slice(1);
    if (trimTrailingEmpty(ticks).length > names.length) {
      issues.push({ code: 'scqf.matrix-cell', path: 'metaSkills', row: row.row, message: `The row "${title}" has more cells than there are meta-skills (${names.length}).` });
    }
    names.forEach((name, skill) => {
      const mark = ticks[skill] ?? '';
      if (mark !== '' && !TICK.test(mark)) {
        issues.push({ code: 'scqf.matrix-cell', path: `metaSkills.${name}`, row: row.row, message: `The cell "${mark}" for ${name} in "${title}" is neither a tick nor empty.` });
      }
      (cells[skill] as boolean[])[column] = TICK.test(mark);
    });
  }
  situations.forEach((situation, column) => {
    if (!matched.has(column)) {
      issues.push({ code: 'scqf.matrix-missing-row', path: 'metaSkills', row: headingRow, message: `The meta-skills table has no row for the work situation "${situation.title}".` });
    }
  });

  return {
    matrix: {
      id: 'meta-skills-alignment',
      title: lines[headingAt]?.text ?? 'Meta-skills alignment',
      rows: names,
      columns: situations.map((situation) => situation.id),
      cells,
    },
    notes: readParagraphs(lines, table.end, end),
  };
}

export type StandardsAlignment = { intro: string[]; items: string[] };

/** The National Occupational Standards table: one "work situation: standards" item per row. */
export function readStandardsAlignment(
  lines: readonly Line[],
  headingAt: number,
  situations: readonly WorkSituationRef[],
  issues: Issues,
): StandardsAlignment {
  const table = readTable(lines, headingAt + 1);
  if (table === null) {
    issues.push({ code: 'scqf.missing-section', path: 'standards', row: lines[headingAt]?.row ?? 0, message: 'The National Occupational Standards heading has no table under it.' });
    return { intro: [], items: [] };
  }
  const matched = new Set<number>();
  const items = table.rows
    .slice(1) // the header row: "Work situation | National Occupational Standards Alignment"
    .filter((row) => (row.cells[0] ?? '') !== '')
    .map((row) => {
      const title = row.cells[0] ?? '';
      const column = bestMatch(title, situations, matched);
      if (column !== -1) matched.add(column);
      const standards = row.cells.slice(1).filter((cell) => cell !== '').join(' ');
      return `${situations[column]?.title ?? title}: ${standards}`;
    });
  return { intro: table.skipped.map((line) => line.text), items };
}

/** The work situation, not yet taken, whose title is most like `title`; -1 for none alike. */
function bestMatch(title: string, situations: readonly WorkSituationRef[], taken: ReadonlySet<number>): number {
  let best = -1;
  let bestScore = SAME_TITLE;
  situations.forEach((situation, index) => {
    const score = titleLikeness(title, situation.title);
    if (!taken.has(index) && score >= bestScore && (best === -1 || score > bestScore)) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

function trimTrailingEmpty(cells: readonly string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && out.at(-1) === '') out.pop();
  return out;
}
