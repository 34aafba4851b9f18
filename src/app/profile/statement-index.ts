import type { Framework, Statement } from '../../core/model/framework.ts';

const cache = new WeakMap<Framework, ReadonlyMap<string, Statement>>();

/** Statement id -> statement, built once per framework (ids join everything, STYLE.md). */
export function statementsById(framework: Framework): ReadonlyMap<string, Statement> {
  let index = cache.get(framework);
  if (index === undefined) {
    index = new Map(framework.statements.map((statement) => [statement.id, statement]));
    cache.set(framework, index);
  }
  return index;
}
