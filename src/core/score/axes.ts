import type { Framework, LevelId } from '../model/framework.ts';

export type AxisKind = 'framework' | 'level' | 'domain';

export type Axis = {
  kind: AxisKind;
  /** `all` for the framework axis, else the level or domain id. */
  id: string;
  /** Positions, in framework order, of the axis's statements in framework.statements. */
  positions: Int32Array;
  /**
   * For attainment (DESIGN.md): the axis's statements at each of the framework's levels, in
   * level order. The framework axis uses the level axes, a domain its statements at each level;
   * null on level axes and in frameworks without levels.
   */
  byLevel: { level: LevelId; positions: Int32Array }[] | null;
};

/**
 * DESIGN.md "Axis": the whole framework (`framework`, id `all`), then each level of a levelled
 * framework, then each domain, in the framework's order. This order is the order of summary rows.
 */
export function buildAxes(framework: Framework): Axis[] {
  const levelled = framework.levels.length > 0;
  const byLevel = (keep: (position: number) => boolean) =>
    levelled
      ? framework.levels.map((level) => ({
          level: level.id,
          positions: positionsWhere(framework, (position) => keep(position) && framework.statements[position]?.level === level.id),
        }))
      : null;

  const axes: Axis[] = [{ kind: 'framework', id: 'all', positions: positionsWhere(framework, () => true), byLevel: byLevel(() => true) }];
  for (const level of framework.levels) {
    axes.push({
      kind: 'level',
      id: level.id,
      positions: positionsWhere(framework, (position) => framework.statements[position]?.level === level.id),
      byLevel: null,
    });
  }
  for (const domain of framework.domains) {
    const inDomain = (position: number) => framework.statements[position]?.domain === domain.id;
    axes.push({ kind: 'domain', id: domain.id, positions: positionsWhere(framework, inDomain), byLevel: byLevel(inDomain) });
  }
  return axes;
}

function positionsWhere(framework: Framework, keep: (position: number) => boolean): Int32Array {
  const positions: number[] = [];
  for (let position = 0; position < framework.statements.length; position += 1) {
    if (keep(position)) positions.push(position);
  }
  return Int32Array.from(positions);
}
