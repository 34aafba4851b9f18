import type { CaseTree } from './case-tree.ts';
import { DOCUMENT_KEY, type CasePackageInput } from './read-case-package.ts';

/**
 * How big a part of the tree may be to become one survey. The built-in frameworks have at most
 * 84 statements two levels down; a survey of 300 questions is already a long afternoon, and more
 * than 4 levels of headings cannot be shown as pages.
 */
export const MAX_SURVEY_STATEMENTS = 300;
export const MAX_SURVEY_DEPTH = 4;
export const MAX_SURVEY_DOMAINS = 50;
/** How many parts a refusal message lists: beyond that it gives a count. */
export const MAX_SUGGESTIONS = 40;
/** How many parts the app may offer to pick (it filters them by title), so no package makes a list of thousands. */
export const MAX_PICKABLE_PARTS = 2_000;

export type SubtreeSize = { items: number; statements: number; depth: number; groups: number };

/** A part of the package the user can import alone. */
export type CaseSubtree = { identifier: string; title: string; items: number; statements: number };

/** Sizes of every node's subtree, in one pass from the leaves up (no recursion). */
export function subtreeSizes(tree: CaseTree): Map<string, SubtreeSize> {
  const order: string[] = [];
  // The document, and any level item outside the tree that has children of its own.
  const stack = [DOCUMENT_KEY, ...[...tree.children.keys()].filter((key) => key !== DOCUMENT_KEY && !tree.parent.has(key))];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const key = stack.pop() ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    order.push(key);
    for (const child of tree.children.get(key) ?? []) stack.push(child);
  }
  const sizes = new Map<string, SubtreeSize>();
  for (const key of order.reverse()) {
    const children = tree.children.get(key) ?? [];
    const size: SubtreeSize = { items: key === DOCUMENT_KEY ? 0 : 1, statements: 0, depth: 0, groups: 0 };
    if (children.length === 0 && key !== DOCUMENT_KEY && !tree.levelTargets.has(key)) size.statements = 1;
    for (const child of children) {
      const below = sizes.get(child);
      if (below === undefined) continue;
      size.items += below.items;
      size.statements += below.statements;
      size.depth = Math.max(size.depth, below.depth + 1);
      if ((tree.children.get(child) ?? []).length > 0) size.groups += 1;
    }
    sizes.set(key, size);
  }
  return sizes;
}

export function fitsOneSurvey(size: SubtreeSize): boolean {
  return size.statements <= MAX_SURVEY_STATEMENTS && size.depth <= MAX_SURVEY_DEPTH && size.groups <= MAX_SURVEY_DOMAINS;
}

/**
 * The largest parts below `root` that fit one survey, breadth first, so that "Grade 3" is offered
 * before its clusters; at most `limit` (40 unless asked), with how many more there are.
 */
export function suggestSubtrees(input: CasePackageInput, tree: CaseTree, sizes: ReadonlyMap<string, SubtreeSize>, root: string, limit = MAX_SUGGESTIONS): { subtrees: CaseSubtree[]; more: number } {
  const subtrees: CaseSubtree[] = [];
  let more = 0;
  const queue = [...(tree.children.get(root) ?? [])];
  for (let at = 0; at < queue.length; at += 1) {
    const key = queue[at] ?? '';
    const size = sizes.get(key);
    const node = input.byKey.get(key);
    if (size === undefined || node === undefined || size.statements === 0 || (tree.children.get(key) ?? []).length === 0) continue;
    if (!fitsOneSurvey(size)) {
      queue.push(...(tree.children.get(key) ?? []));
      continue;
    }
    if (subtrees.length >= limit) {
      more += 1;
      continue;
    }
    const title = [node.humanCodingScheme, node.abbreviatedStatement || node.fullStatement].filter((part) => part !== '').join(' ');
    subtrees.push({ identifier: node.identifier, title, items: size.items, statements: size.statements });
  }
  return { subtrees, more };
}
