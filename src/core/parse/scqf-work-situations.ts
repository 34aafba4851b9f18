import type { Issue } from '../model/result.ts';
import {
  findLine,
  type NumberedItem,
  readNumberedList,
  readParagraphs,
  readTable,
  titleLikeness,
} from './scqf-text.ts';
import type { Line } from './text-lines.ts';

/**
 * The work situations of an SCQF occupation profile. Their titles come from the two contents
 * tables ("Mandatory work situations", "Optional work situations"): most work situations in the
 * body carry no heading of their own and start at "Goal of work situation:".
 */

export type WorkSituation = {
  title: string;
  mandatory: boolean;
  goal: string;
  outline: string;
  performance: NumberedItem[];
  knowledge: NumberedItem[];
  /** Row of its "Goal of work situation:" line. */
  row: number;
};

export type WorkSituations = {
  situations: WorkSituation[];
  /** Text under the "Optional work situations" heading, e.g. how many must be achieved. */
  optionalNotes: string[];
};

const MANDATORY_HEADING = 'Mandatory work situations';
const OPTIONAL_HEADING = 'Optional work situations';
const GOAL = /^goal of work situations?:?$/i;
const OUTLINE = 'Brief outline:';
const PERFORMANCE = 'Performance requirements';
const KNOWLEDGE = 'Knowledge and understanding requirements';

type Issues = Omit<Issue, 'file'>[];

/** Reads every work situation in lines[0, end); `end` is where the alignment tables begin. */
export function readWorkSituations(lines: readonly Line[], end: number, issues: Issues): WorkSituations {
  const goals: number[] = [];
  for (let index = 0; index < end; index += 1) {
    if (GOAL.test((lines[index] as Line).text)) goals.push(index);
  }
  const firstGoal = goals[0] ?? end;

  const mandatoryAt = findLine(lines, MANDATORY_HEADING);
  const mandatoryTitles = mandatoryAt === -1 || mandatoryAt > firstGoal ? [] : readTitles(lines, mandatoryAt, firstGoal);
  if (mandatoryTitles.length === 0) {
    issues.push({
      code: 'scqf.missing-section',
      path: 'workSituations.mandatory',
      message: `No "${MANDATORY_HEADING}" table listing the titles was found before the first work situation.`,
    });
  }

  const optionalAt = findLine(lines, OPTIONAL_HEADING, mandatoryAt + 1);
  const optionalNotes: string[] = [];
  let optionalTitles: string[] = [];
  if (optionalAt === -1 || optionalAt >= end) {
    issues.push({
      code: 'scqf.missing-section',
      path: 'workSituations.optional',
      message: `No "${OPTIONAL_HEADING}" heading with its table of titles was found.`,
    });
  } else {
    const nextGoal = goals.find((goal) => goal > optionalAt) ?? end;
    const table = readTable(lines, optionalAt + 1, nextGoal);
    optionalTitles = table === null ? [] : titlesOf(table.rows.map((row) => row.cells));
    optionalNotes.push(...(table?.skipped.map((line) => line.text) ?? []));
    if (optionalTitles.length === 0) {
      issues.push({
        code: 'scqf.missing-section',
        path: 'workSituations.optional',
        row: lines[optionalAt]?.row ?? 0,
        message: `The "${OPTIONAL_HEADING}" heading has no table of titles under it.`,
      });
    }
  }

  const mandatoryFound = optionalAt === -1 ? goals.length : goals.filter((goal) => goal < optionalAt).length;
  const optionalFound = goals.length - mandatoryFound;
  if (goals.length === 0) {
    issues.push({
      code: 'scqf.missing-section',
      path: 'workSituations',
      message: 'No work situation was found: each one starts with "Goal of work situation:".',
    });
  }
  if (mandatoryTitles.length > 0 && mandatoryFound !== mandatoryTitles.length) {
    issues.push({
      code: 'scqf.work-situation-count',
      path: 'workSituations.mandatory',
      message: `The contents list ${mandatoryTitles.length} mandatory work situations but the text has ${mandatoryFound}.`,
    });
  }
  if (optionalTitles.length > 0 && optionalFound !== optionalTitles.length) {
    issues.push({
      code: 'scqf.work-situation-count',
      path: 'workSituations.optional',
      message: `The contents list ${optionalTitles.length} optional work situations but the text has ${optionalFound}.`,
    });
  }

  const titles = [...mandatoryTitles, ...optionalTitles];
  const situations: WorkSituation[] = [];
  goals.forEach((goalAt, index) => {
    const blockEnd = goals[index + 1] ?? end;
    const title = titles[index] ?? '';
    checkHeading(lines, goalAt, title, titles, issues);
    const body = readBody(lines, goalAt, blockEnd, index, issues);
    if (body !== null) situations.push({ title, mandatory: index < mandatoryFound, ...body, row: lines[goalAt]?.row ?? 0 });
  });
  return { situations, optionalNotes };
}

/** Titles from the contents table under a heading: "Title..... | pages" rows. */
function readTitles(lines: readonly Line[], headingAt: number, limit: number): string[] {
  const table = readTable(lines, headingAt + 1, limit);
  return table === null ? [] : titlesOf(table.rows.map((row) => row.cells));
}

function titlesOf(rows: readonly string[][]): string[] {
  return rows.map((cells) => (cells[0] ?? '').replace(/\s*\.{2,}\s*$/, '').trim()).filter((title) => title !== '');
}

/** Where the body names a work situation above its goal, it must be the one the contents list. */
function checkHeading(lines: readonly Line[], goalAt: number, title: string, titles: readonly string[], issues: Issues): void {
  let index = goalAt - 1;
  while (index >= 0 && (lines[index] as Line).text === '') index -= 1;
  const heading = lines[index];
  if (heading === undefined || title === '') return;
  const namesAnother = titles.some((other) => other !== title && titleLikeness(other, heading.text) === 1);
  if (namesAnother && titleLikeness(title, heading.text) < 1) {
    issues.push({
      code: 'scqf.title-mismatch',
      path: `workSituations.${title}`,
      row: heading.row,
      message: `The heading "${heading.text}" does not match "${title}", the work situation the contents list in this place.`,
    });
  }
}

function readBody(
  lines: readonly Line[],
  goalAt: number,
  end: number,
  index: number,
  issues: Issues,
): Omit<WorkSituation, 'title' | 'mandatory' | 'row'> | null {
  const path = `workSituations[${index}]`;
  const row = lines[goalAt]?.row ?? 0;
  const outlineAt = findWithin(lines, OUTLINE, goalAt, end);
  const performanceAt = findWithin(lines, PERFORMANCE, Math.max(goalAt, outlineAt), end);
  const knowledgeAt = findWithin(lines, KNOWLEDGE, Math.max(goalAt, performanceAt), end);
  const missing = (
    [
      [outlineAt, OUTLINE],
      [performanceAt, PERFORMANCE],
      [knowledgeAt, KNOWLEDGE],
    ] as const
  ).filter(([at]) => at === -1);
  if (missing.length > 0) {
    const headings = missing.map(([, heading]) => `"${heading}"`).join(', ');
    issues.push({
      code: 'scqf.missing-section',
      path,
      row,
      message: `The work situation starting here lacks ${headings} (expected in this order after the goal: brief outline, performance, knowledge).`,
    });
    return null;
  }

  const goal = readParagraphs(lines, goalAt + 1, outlineAt).join('\n\n');
  const outline = readParagraphs(lines, outlineAt + 1, performanceAt).join('\n\n');
  if (goal === '') issues.push({ code: 'scqf.missing-text', path: `${path}.goal`, row, message: 'The work situation has no goal text.' });
  if (outline === '') {
    issues.push({ code: 'scqf.missing-text', path: `${path}.outline`, row, message: 'The work situation has no brief outline text.' });
  }

  const performance = readNumberedList(lines, performanceAt + 1, knowledgeAt);
  if (performance.end < knowledgeAt) {
    const stray = lines[performance.end] as Line;
    issues.push({
      code: 'scqf.stray-line',
      path: `${path}.performance`,
      row: stray.row,
      message: `"${stray.text}" is neither a numbered performance requirement nor part of one.`,
    });
  }
  const knowledge = readNumberedList(lines, knowledgeAt + 1, end);
  checkNumbering(performance.items, `${path}.performance`, lines[performanceAt]?.row ?? row, 'performance requirements', issues);
  checkNumbering(knowledge.items, `${path}.knowledge`, lines[knowledgeAt]?.row ?? row, 'knowledge and understanding requirements', issues);
  return { goal, outline, performance: performance.items, knowledge: knowledge.items };
}

function findWithin(lines: readonly Line[], text: string, from: number, end: number): number {
  const at = findLine(lines, text, from);
  return at === -1 || at >= end ? -1 : at;
}

/** Items numbered 1, 2, 3... with none missing: a gap means a lost or merged line. */
function checkNumbering(items: readonly NumberedItem[], path: string, row: number, what: string, issues: Issues): void {
  if (items.length === 0) {
    issues.push({ code: 'scqf.empty-list', path, row, message: `The list of ${what} is empty.` });
  }
  items.forEach((item, index) => {
    if (item.number !== index + 1) {
      issues.push({
        code: 'scqf.numbering',
        path,
        row: item.row,
        message: `Item ${item.number} of the ${what} should be number ${index + 1}: an item is missing or out of order.`,
      });
    }
  });
}
