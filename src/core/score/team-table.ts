import type { Framework } from '../model/framework.ts';
import type { AttainedLevel } from './attained-level.ts';
import type { AxisKind } from './axes.ts';
import type { ScoreGroup } from './score-groups.ts';
import type { SubjectScore } from './subject-score.ts';

/** One learner's row in a manager's team table: the framework and each domain, for one group. */
export type TeamRow = {
  subjectId: string;
  /** Responses counted per group, for "3 raters" beside a name. */
  raters: number;
  cells: TeamCell[];
};

export type TeamCell = { axisId: string; percent: number | null; attainedLevel: AttainedLevel | null; shown: boolean };

export type TeamColumn = { kind: AxisKind; id: string; title: string };

/** The whole framework, then its domains, or its levels where it has no domains. */
export function teamColumns(framework: Framework): TeamColumn[] {
  const parts: TeamColumn[] = framework.domains.length > 0
    ? framework.domains.map((d) => ({ kind: 'domain', id: d.id, title: d.title }))
    : framework.levels.map((l) => ({ kind: 'level', id: l.id, title: l.label }));
  return [{ kind: 'framework', id: 'all', title: 'Overall' }, ...parts];
}

/**
 * The team view's table, from the same scores as everything else: a cell is empty where the
 * chosen group is not shown for that learner (anonymity), never recomputed here.
 */
export function buildTeamRows(framework: Framework, scores: readonly SubjectScore[], group: ScoreGroup): TeamRow[] {
  const columns = teamColumns(framework);
  return scores
    .filter((score) => score.frameworkId === framework.id)
    .map((score) => ({
      subjectId: score.subjectId,
      raters: score.responseCounts.others,
      cells: columns.map((column) => {
        const axis = score.axes.find((a) => a.id === column.id && a.kind === column.kind);
        const figures = axis?.groups.find((g) => g.group === group);
        return { axisId: column.id, percent: figures?.percent ?? null, attainedLevel: figures?.attainedLevel ?? null, shown: figures !== undefined };
      }),
    }));
}

const LEVEL_RANK: Record<AttainedLevel, number> = { 'not-yet': 0, emerging: 1, developing: 2, proficient: 3, advanced: 4 };

export type TeamSort = { axisId: string | 'subject'; by: 'percent' | 'level' | 'name'; direction: 'ascending' | 'descending' };

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
    if (sort.by === 'name') return sign * (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0);
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === null || kb === null) return ka === kb ? compare(a, b) : ka === null ? 1 : -1;
    return ka === kb ? compare(a, b) : sign * (ka - kb);
  });
}

const compare = (a: TeamRow, b: TeamRow) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0);
