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

export function withObjects<T extends object, M extends Record<string, () => unknown>>(
  target: T,
  makers: M,
  when: ObjectsMade,
): T & { [K in keyof M]: ReturnType<M[K]> } {
  for (const [key, make] of Object.entries(makers)) {
    if (when === 'at-once') {
      (target as Record<string, unknown>)[key] = make();
      continue;
    }
    let made: { value: unknown } | null = null;
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        made ??= { value: make() };
        return made.value;
      },
    });
  }
  return target as T & { [K in keyof M]: ReturnType<M[K]> };
}
