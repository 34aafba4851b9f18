import type { Framework, Statement } from './framework.ts';

const cache = new WeakMap<Framework, ReadonlyMap<string, number>>();

/**
 * Statement id -> position in the framework, built once per framework object (frameworks are
 * not changed after parsing). Ids join everything (STYLE.md); this is the one index of them.
 */
export function statementPositions(framework: Framework): ReadonlyMap<string, number> {
  let index = cache.get(framework);
  if (index === undefined) {
    index = new Map(framework.statements.map((statement, position) => [statement.id, position]));
    cache.set(framework, index);
  }
  return index;
}

export function statementById(framework: Framework, id: string): Statement | undefined {
  const position = statementPositions(framework).get(id);
  return position === undefined ? undefined : framework.statements[position];
}
