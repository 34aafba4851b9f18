import type { StatementScore } from '../../core/score/subject-score.ts';

export type StatementFilter = { level: string; domain: string };
export const ALL = '';

/** Which statements the list shows: a choice of level and domain, either left at "all". */
export function filterStatements(statements: readonly StatementScore[], filter: StatementFilter): StatementScore[] {
  return statements.filter(
    (statement) => (filter.level === ALL || statement.level === filter.level) && (filter.domain === ALL || statement.domain === filter.domain),
  );
}
