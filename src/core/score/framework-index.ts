import type { Framework } from '../model/framework.ts';
import { type Axis, buildAxes } from './axes.ts';

/**
 * What scoring needs to know about a framework, worked out once so the rating loop only does
 * array arithmetic: statement id -> position, and for each position the axes it belongs to.
 */
export type FrameworkIndex = {
  framework: Framework;
  axes: Axis[];
  statementCount: number;
  position: ReadonlyMap<string, number>;
  /** Axes of statement p: axisList[axisStart[p]] up to axisList[axisStart[p + 1]]. */
  axisStart: Int32Array;
  axisList: Int32Array;
};

const cache = new WeakMap<Framework, FrameworkIndex>();

/** Frameworks are not mutated after parsing, so the index is kept per framework object. */
export function indexFramework(framework: Framework): FrameworkIndex {
  const cached = cache.get(framework);
  if (cached !== undefined) return cached;
  const axes = buildAxes(framework);
  const statementCount = framework.statements.length;
  const position = new Map<string, number>();
  framework.statements.forEach((statement, index) => position.set(statement.id, index));

  const axesOf: number[][] = Array.from({ length: statementCount }, () => []);
  axes.forEach((axis, axisIndex) => {
    for (const p of axis.positions) axesOf[p]?.push(axisIndex);
  });
  const axisStart = new Int32Array(statementCount + 1);
  for (let p = 0; p < statementCount; p += 1) axisStart[p + 1] = (axisStart[p] ?? 0) + (axesOf[p]?.length ?? 0);
  const axisList = Int32Array.from(axesOf.flat());

  const index: FrameworkIndex = { framework, axes, statementCount, position, axisStart, axisList };
  cache.set(framework, index);
  return index;
}
