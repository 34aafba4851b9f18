/**
 * When a score makes the objects it keeps as figure columns (statement-figures.ts,
 * axis-figures.ts): `when-read`, by an own enumerable getter the first time the property is read,
 * then kept; `at-once`, as plain properties while it is scored.
 *
 * A cohort kept for a page makes them when read: the team view never reads a statement, and the
 * objects of thousands of subjects, alive together, were most of scoring's garbage collection. A
 * writer that reads every one of a score's objects as it goes, as `npm run score` does, has them
 * made at once: made later, they are young objects held by a score V8 may already have moved to
 * its old generation, where a dead score keeps them alive until a full collection (at 200,000
 * responses the peak went from 220 to 408 MB).
 */
export type ObjectsMade = 'when-read' | 'at-once';

/**
 * `base` with `axes` and `statements` (a SubjectScore's, or its SelfChange's), made by the given
 * functions as `when` says. An object literal with getters: defining them one by one with
 * Object.defineProperty cost scoring 4 % of its time.
 */
export function withAxesAndStatements<T extends object, A extends object, S extends object>(
  base: T,
  makeAxes: () => A,
  makeStatements: () => S,
  when: ObjectsMade,
): T & { axes: A; statements: S } {
  if (when === 'at-once') return { ...base, axes: makeAxes(), statements: makeStatements() };
  let axes: A | undefined;
  let statements: S | undefined;
  return {
    ...base,
    get axes(): A {
      axes ??= makeAxes();
      return axes;
    },
    get statements(): S {
      statements ??= makeStatements();
      return statements;
    },
  };
}

