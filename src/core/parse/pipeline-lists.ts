import type { Issue } from '../model/result.ts';
import { type PipelineSection, tabCells } from './pipeline-layout.ts';

/** The lists of the PIPELINE document: occupations, certifications, and the training plan. */

type Issues = Omit<Issue, 'file'>[];

const BULLET = /^(?:[-*•·]\s+)+/;

export type BulletList = {
  items: string[];
  /** Sentences under the list, such as "This list is intended to be a guide ...". */
  notes: string[];
};

/**
 * A bulleted list whose items the layout wrapped. A line without a bullet continues the item
 * above when that item ends mid-list ("/", ":"), starts a new item when it reads "Title: ..."
 * (a lost bullet), and is a note when it is a sentence. A space after a slash is what is left of
 * a wrap and goes.
 */
export function readBulletList(section: PipelineSection): BulletList {
  const items: string[] = [];
  const notes: string[] = [];
  for (const line of section.lines) {
    if (line.text === '') continue;
    const last = items.at(-1);
    if (BULLET.test(line.text)) {
      items.push(line.text.replace(BULLET, ''));
    } else if (last !== undefined && /[/:]$/.test(last)) {
      items[items.length - 1] = `${last} ${line.text}`;
    } else if (/^[A-Z][^:.]*: \S/.test(line.text)) {
      items.push(line.text);
    } else if (/[.!?]$/.test(line.text) || last === undefined) {
      notes.push(line.text);
    } else {
      items[items.length - 1] = `${last} ${line.text}`;
    }
  }
  return { items: items.map((item) => item.replace(/\s+/g, ' ').replace(/\/ /g, '/').trim()), notes };
}

export function readRequiredList(section: PipelineSection, path: string, issues: Issues): BulletList {
  const list = readBulletList(section);
  if (list.items.length === 0) {
    issues.push({ code: 'pipeline.empty-section', row: section.row, path, message: `The section "${section.heading}" lists nothing.` });
  }
  return list;
}

export type PlanGroup = { title: string; competencies: { name: string; row: number }[] };

export type TrainingPlan = {
  /** What the plan asks for each competency: course, description, provider, date. */
  columns: string[];
  groups: PlanGroup[];
};

const GROUP_TITLE = /Competencies$/;

/**
 * The training plan table: a header row of what to fill in, then group rows ("Related
 * Instruction Competencies") each followed by one row per competency, its cells left to fill in.
 */
export function readTrainingPlan(section: PipelineSection, path: string, issues: Issues): TrainingPlan {
  const columns: string[] = [];
  const groups: PlanGroup[] = [];
  for (const line of section.lines) {
    const cells = tabCells(line);
    const first = cells[0];
    if (first === undefined) continue;
    if (columns.length === 0 && groups.length === 0 && cells.length > 1) {
      columns.push(...cells);
    } else if (cells.length === 1 && GROUP_TITLE.test(first)) {
      groups.push({ title: first, competencies: [] });
    } else {
      const group = groups.at(-1);
      if (group === undefined) {
        issues.push({ code: 'pipeline.unreadable-line', row: line.row, path, message: `"${first}" in the training plan comes before any group of competencies.` });
      } else {
        group.competencies.push({ name: first, row: line.row });
      }
    }
  }
  if (groups.every((group) => group.competencies.length === 0)) {
    issues.push({ code: 'pipeline.empty-section', row: section.row, path, message: `The section "${section.heading}" lists no competency.` });
  }
  return { columns, groups };
}
