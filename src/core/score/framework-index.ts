import type { Framework, LevelId } from '../model/framework.ts';
import { type StatementOrder, statementOrder } from '../model/answers.ts';
import { type Axis, buildAxes } from './axes.ts';
import { positionBits } from './response-row.ts';

/**
 * What scoring needs to know about a framework, worked out once so that scoring a subject is
 * array arithmetic: statement id -> position, the axes of each statement, and every set of
 * statements a figure is pooled over.
 *
 * Pool sets: set a (a < axes.length) is axis a; after them come, for each framework or domain
 * axis of a levelled framework, its statements at each level (DESIGN.md "Attained level").
 */
export type FrameworkIndex = {
  framework: Framework;
  axes: Axis[];
  statementCount: number;
  position: ReadonlyMap<string, number>;
  /** Statement ids by position, the inverse of `position`. */
  statementIds: readonly string[];
  /** The framework's answer order: answers kept in it are read by position, with no id lookup. */
  order: StatementOrder;
  /** Words of a row of statement bits (RatingsRow.rated): one bit per statement. */
  words: number;
  /**
   * Axis a's statements as bits in RatingsRow.rated's shape, only the words that have any: for
   * j from axisWordStart[a] to axisWordStart[a + 1], word axisWordIndex[j] holds axisWordBits[j]
   * of them. A domain's statements usually sit in one word, so asking about it reads one.
   */
  axisWordStart: Int32Array;
  axisWordIndex: Int32Array;
  axisWordBits: Int32Array;
  /** Statements of pool set s: setPositions[setStart[s]] up to setPositions[setStart[s + 1]]. */
  setCount: number;
  setStart: Int32Array;
  setPositions: Int32Array;
  /** Statements in pool set s (setStart[s + 1] - setStart[s]): coverage divides by it. */
  setSize: Int32Array;
  /** For axis a: the pool set of its statements at each level, or null (level axes, no levels). */
  levelSets: ({ level: LevelId; set: number }[] | null)[];
  /**
   * The statements cut into cells that no pool set splits (those in the same sets: for a
   * levelled framework with domains, one cell per domain and level). Each set is a union of
   * cells, so pooling adds each statement once, into its cell, and then a few cells per set:
   * cellOf[p] is statement p's cell; the cells of set s are setCells[setCellStart[s]] up to
   * setCells[setCellStart[s + 1]].
   */
  cellCount: number;
  cellOf: Int32Array;
  setCellStart: Int32Array;
  setCells: Int32Array;
};

const cache = new WeakMap<Framework, FrameworkIndex>();

/** Frameworks are not changed after parsing, so the index is kept per framework object. */
export function indexFramework(framework: Framework): FrameworkIndex {
  const cached = cache.get(framework);
  if (cached !== undefined) return cached;
  const axes = buildAxes(framework);
  const statementCount = framework.statements.length;
  const order = statementOrder(framework);
  const position = order.position;

  const words = Math.ceil(statementCount / 32);
  const axisWords = sparseAxisWords(statementCount, axes);

  const sets: Int32Array[] = axes.map((axis) => axis.positions);
  const levelSets = axes.map((axis) =>
    axis.byLevel === null
      ? null
      : axis.byLevel.map(({ level, positions }) => {
          sets.push(positions);
          return { level, set: sets.length - 1 };
        }),
  );
  const setStart = new Int32Array(sets.length + 1);
  sets.forEach((set, s) => (setStart[s + 1] = (setStart[s] ?? 0) + set.length));
  const setPositions = new Int32Array(setStart[sets.length] ?? 0);
  sets.forEach((set, s) => setPositions.set(set, setStart[s] ?? 0));

  const cells = cutIntoCells(statementCount, sets);

  const index: FrameworkIndex = {
    framework,
    axes,
    statementCount,
    position,
    statementIds: order.ids,
    order,
    words,
    ...axisWords,
    setCount: sets.length,
    setStart,
    setPositions,
    setSize: Int32Array.from(sets, (set) => set.length),
    levelSets,
    ...cells,
  };
  cache.set(framework, index);
  return index;
}

function sparseAxisWords(statementCount: number, axes: readonly Axis[]): Pick<FrameworkIndex, 'axisWordStart' | 'axisWordIndex' | 'axisWordBits'> {
  const axisWordStart = new Int32Array(axes.length + 1);
  const wordIndex: number[] = [];
  const wordBits: number[] = [];
  axes.forEach((axis, a) => {
    positionBits(statementCount, axis.positions).forEach((bits, w) => {
      if (bits === 0) return;
      wordIndex.push(w);
      wordBits.push(bits);
    });
    axisWordStart[a + 1] = wordIndex.length;
  });
  return { axisWordStart, axisWordIndex: Int32Array.from(wordIndex), axisWordBits: Int32Array.from(wordBits) };
}

function cutIntoCells(statementCount: number, sets: readonly Int32Array[]): Pick<FrameworkIndex, 'cellCount' | 'cellOf' | 'setCellStart' | 'setCells'> {
  const setsOf: number[][] = Array.from({ length: statementCount }, () => []);
  sets.forEach((set, s) => {
    for (const p of set) setsOf[p]?.push(s);
  });
  const cellBySets = new Map<string, number>();
  const cellOf = new Int32Array(statementCount);
  setsOf.forEach((inSets, p) => {
    const key = inSets.join(',');
    let cell = cellBySets.get(key);
    if (cell === undefined) {
      cell = cellBySets.size;
      cellBySets.set(key, cell);
    }
    cellOf[p] = cell;
  });
  const cellsOfSet = sets.map((set) => [...new Set(Array.from(set, (p) => cellOf[p] as number))]);
  const setCellStart = new Int32Array(sets.length + 1);
  cellsOfSet.forEach((cells, s) => (setCellStart[s + 1] = (setCellStart[s] ?? 0) + cells.length));
  return { cellCount: cellBySets.size, cellOf, setCellStart, setCells: Int32Array.from(cellsOfSet.flat()) };
}
