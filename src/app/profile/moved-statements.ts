import type { Rating } from '../../core/model/rating-scale.ts';
import type { StatementChange } from '../../core/score/self-change.ts';

/** At most this many statements per direction: the rest are in the statement list. */
export const MOVED_SHOWN = 5;

export type MovedStatement = StatementChange & { earlier: Rating; latest: Rating; steps: number };

/**
 * The statements whose self rating moved most between the two self-assessments (core's
 * StatementChange), one list per direction: the largest moves first, ties in framework order.
 */
export function mostMoved(statements: readonly StatementChange[], direction: 'up' | 'down', limit = MOVED_SHOWN): MovedStatement[] {
  const moved = statements.flatMap((statement): MovedStatement[] =>
    statement.direction === direction && statement.earlier !== null && statement.latest !== null
      ? [{ ...statement, earlier: statement.earlier, latest: statement.latest, steps: Math.abs(statement.latest - statement.earlier) }]
      : [],
  );
  // A stable sort keeps framework order among equal moves.
  return moved.sort((a, b) => b.steps - a.steps).slice(0, limit);
}
