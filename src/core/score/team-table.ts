import type { Framework } from '../model/framework.ts';
import type { HiddenReason } from './anonymity.ts';
import type { AttainedLevel } from './attained-level.ts';
import type { AxisKind } from './axes.ts';
import type { ScoreGroup } from './score-groups.ts';
import type { SubjectScore } from './subject-score.ts';

/** One learner's row in a manager's team table: the framework and each domain, for one group. */
export type TeamRow = {
  subjectId: string;
  /** The learner's display name (latestSubjectNames), or null when no response carries one. */
  subjectName: string | null;
  /** Responses counted per group, for "3 raters" beside a name. */
  raters: number;
  cells: TeamCell[];
};

/**
 * What a cell shows. `figure`: a percent. `no-data`: the group has no response for this
 * learner, or none of its responses rated this axis. `hidden`: the group has responses but the
 * anonymity rule keeps them back (too few, or folded to protect the remainder). The two empty
 * kinds get different marks: "nobody rated it" and "someone did, but it cannot be shown" are
 * different things to a manager.
 */
export type TeamCellMark = 'figure' | 'no-data' | 'hidden';

export type TeamCell = {
  axisId: string;
  mark: TeamCellMark;
  percent: number | null;
  attainedLevel: AttainedLevel | null;
  /** Why a `hidden` cell is empty; null otherwise. */
  hiddenReason: HiddenReason | null;
};

/** `shortTitle` heads the column; `title` is for hover, screen readers and the key. */
export type TeamColumn = { kind: AxisKind; id: string; title: string; shortTitle: string };

/** The whole framework, then its domains, or its levels where it has no domains. */
export function teamColumns(framework: Framework): TeamColumn[] {
  const parts = framework.domains.length > 0
    ? framework.domains.map((d) => ({ kind: 'domain' as const, id: d.id, title: d.title }))
    : framework.levels.map((l) => ({ kind: 'level' as const, id: l.id, title: l.label }));
  return [{ kind: 'framework' as const, id: 'all', title: 'Overall' }, ...parts].map((column) => ({ ...column, shortTitle: shortColumnTitle(column.title) }));
}

/** A word longer than this is abbreviated in a column heading ("Communication" -> "Commun."). */
const MAX_WORD = 10;
const ABBREVIATED_WORD = 7;
/** A title longer than this keeps its first words only ("Applying methods…"). */
const MAX_TITLE = 20;

/**
 * A column heading short enough for ten domains side by side at 1280 px: a long single word is
 * abbreviated to a stem ending on a consonant, as abbreviations do (Metacog., Collab.); a long
 * title keeps the first words that fit, then "…". The full title is always given beside it.
 */
export function shortColumnTitle(title: string): string {
  const words = title.trim().split(/\s+/);
  if (title.length <= MAX_TITLE) return words.map(abbreviateWord).join(' ');
  let kept = '';
  for (const word of words) {
    const next = kept === '' ? word : `${kept} ${word}`;
    if (next.length > MAX_TITLE - 1) break;
    kept = next;
  }
  if (kept === '') kept = abbreviateWord(words[0] ?? '');
  return `${kept.replace(/[,;:.\-–]+$/, '')}…`;
}

function abbreviateWord(word: string): string {
  if (word.length <= MAX_WORD) return word;
  let end = ABBREVIATED_WORD;
  while (end > 3 && /[aeiouy]/i.test(word.charAt(end - 1))) end -= 1;
  return `${word.slice(0, end)}.`;
}

/**
 * The team view's table, from the same scores as everything else: a cell is empty where the
 * chosen group is not shown for that learner (anonymity), never recomputed here.
 */
export function buildTeamRows(
  framework: Framework,
  scores: readonly SubjectScore[],
  group: ScoreGroup,
  names: ReadonlyMap<string, string> = new Map(),
): TeamRow[] {
  const columns = teamColumns(framework);
  return scores
    .filter((score) => score.frameworkId === framework.id)
    .map((score) => {
      const hidden = group === 'self' ? undefined : score.visibility.hidden.find((h) => h.group === group);
      return {
        subjectId: score.subjectId,
        subjectName: names.get(score.subjectId) ?? null,
        raters: score.responseCounts.others,
        cells: columns.map((column): TeamCell => {
          const axis = score.axes.find((a) => a.id === column.id && a.kind === column.kind);
          const figures = axis?.groups.find((g) => g.group === group);
          if (hidden !== undefined) return { axisId: column.id, mark: 'hidden', percent: null, attainedLevel: null, hiddenReason: hidden.reason };
          if (figures === undefined || figures.percent === null) return { axisId: column.id, mark: 'no-data', percent: null, attainedLevel: null, hiddenReason: null };
          return { axisId: column.id, mark: 'figure', percent: figures.percent, attainedLevel: figures.attainedLevel, hiddenReason: null };
        }),
      };
    });
}

/** What the learner column shows and sorts by: the name, or the id where there is none. */
export const learnerLabel = (row: TeamRow): string => row.subjectName ?? row.subjectId;

/** Rows whose name or id contains the query, ignoring case and surrounding space. */
export function filterTeamRows(rows: readonly TeamRow[], query: string): TeamRow[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return [...rows];
  return rows.filter((row) => row.subjectId.toLocaleLowerCase().includes(needle) || (row.subjectName?.toLocaleLowerCase().includes(needle) ?? false));
}

const LEVEL_RANK: Record<AttainedLevel, number> = { 'not-yet': 0, emerging: 1, developing: 2, proficient: 3, advanced: 4 };

export type TeamSort = { axisId: string | 'subject'; by: 'percent' | 'level' | 'name'; direction: 'ascending' | 'descending' };

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Sorts rows; empty cells always last, ties by subject id so the order is stable. */
export function sortTeamRows(rows: readonly TeamRow[], sort: TeamSort): TeamRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyOf = (row: TeamRow): number | null => {
    const cell = row.cells.find((c) => c.axisId === sort.axisId);
    if (!cell) return null;
    if (sort.by === 'level') return cell.attainedLevel === null ? null : LEVEL_RANK[cell.attainedLevel];
    return cell.percent;
  };
  return [...rows].sort((a, b) => {
    if (sort.by === 'name') return sign * (collator.compare(learnerLabel(a), learnerLabel(b)) || compare(a, b));
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === null || kb === null) return ka === kb ? compare(a, b) : ka === null ? 1 : -1;
    return ka === kb ? compare(a, b) : sign * (ka - kb);
  });
}

const compare = (a: TeamRow, b: TeamRow) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0);
