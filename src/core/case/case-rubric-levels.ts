import { LEVEL_IDS, type LevelId } from '../model/framework.ts';
import { RATING_LABELS, RATING_VALUES } from '../model/rating-scale.ts';
import { levelOfQuality } from './case-levels.ts';
import { excerpt } from '../model/echo.ts';
import { Assumptions, plural } from './case-text.ts';
import type { CaseTree } from './case-tree.ts';
import type { CaseNodeInput, CasePackageInput, CaseRubricCell } from './read-case-package.ts';

type Rated = { node: CaseNodeInput; text: string; path: readonly string[]; level: LevelId | null; caseItem: { identifier: string; uri: string } };

/**
 * Levels from a CFRubric ([IM11] §3.1: a criterion per item, a column per level). When the tree
 * marks no level but every rated item has a criterion whose columns are the four levels by name
 * ("Emerging" ... "Advanced", or "Level 1" ... "Level 4") with a description each, the item
 * becomes a heading and each description a statement at its level. Any other rubric, such as
 * Skillscope's own rating scale, is a rating scale: it says how to answer, not what to rate.
 */
export function rubricLevels(input: CasePackageInput, _tree: CaseTree, rated: Rated[], notes: Assumptions): Rated[] {
  if (input.rubrics.length === 0) return rated;
  const byItem = new Map<string, Map<LevelId, CaseRubricCell>>();
  for (const rubric of input.rubrics) {
    for (const criterion of rubric.criteria) {
      if (byItem.has(criterion.itemKey)) continue;
      const columns = new Map<LevelId, CaseRubricCell>();
      for (const cell of criterion.cells) {
        const level = levelOfQuality(cell.quality);
        if (level !== null && cell.description !== '' && !columns.has(level)) columns.set(level, cell);
      }
      if (columns.size === LEVEL_IDS.length) byItem.set(criterion.itemKey, columns);
    }
  }
  const covered = rated.filter((entry) => byItem.has(entry.node.key)).length;
  if (covered === 0 || covered < rated.length) {
    const qualities = input.rubrics.flatMap((rubric) => rubric.criteria.flatMap((criterion) => criterion.cells.map((cell) => cell.quality)));
    const ours = RATING_VALUES.every((value) => qualities.includes(RATING_LABELS[value]));
    notes.once('rubric', ours
      ? "The package's CFRubric is Skillscope's own four-point rating scale; statements are rated on it as usual."
      : covered === 0
        ? `The package's ${plural(input.rubrics.length, 'rubric')} (e.g. ${excerpt(input.rubrics[0]?.title || 'untitled', 40)}) ${input.rubrics.length === 1 ? 'has' : 'have'} no columns named for the four levels; ${input.rubrics.length === 1 ? 'it is' : 'they are'} not used, and statements are rated on Skillscope's four-point scale.`
        : `Rubric levels cover only ${covered} of ${plural(rated.length, 'statement')}, so they are not used as levels.`);
    return rated;
  }
  notes.once('rubric-levels', `Levels come from the package's rubric: each of the ${plural(rated.length, 'item')} is a heading, and its four rubric descriptions (${LEVEL_IDS.join(', ')}) are the statements rated.`);
  return rated.flatMap((entry) => {
    const columns = byItem.get(entry.node.key);
    return LEVEL_IDS.flatMap((level) => {
      const cell = columns?.get(level);
      if (cell === undefined) return [];
      const node: CaseNodeInput = {
        ...entry.node,
        key: `${entry.node.key}#${level}`,
        identifier: cell.identifier || entry.node.identifier,
        uri: cell.uri || entry.node.uri,
        fullStatement: cell.description,
        abbreviatedStatement: '',
        humanCodingScheme: '',
        notes: '',
        extensions: undefined,
      };
      return [{ node, text: cell.description, path: [entry.node.key], level, caseItem: { identifier: node.identifier, uri: node.uri } }];
    });
  });
}
