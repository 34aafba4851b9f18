import type { Issue } from '../model/result.ts';
import { Assumptions, describeItem, plural } from './case-text.ts';
import { type CasePackageInput, DOCUMENT_KEY } from './read-case-package.ts';

/**
 * The package's isChildOf tree ([IG11] A.5: the origin is the child, top-level items point at
 * the CFDocument), with each item's children in order: sequenceNumber, then humanCodingScheme
 * (RL.5.2 before RL.5.10), then the order of the file. Everything is iterative, so a chain of
 * 50,000 items cannot overflow the stack, and a cycle is found in linear time.
 */
export type CaseTree = {
  parent: ReadonlyMap<string, string>;
  children: ReadonlyMap<string, readonly string[]>;
  /** hasSkillLevel: item -> the level items it names, in file order. */
  skillLevels: ReadonlyMap<string, readonly string[]>;
  /** Every hasSkillLevel destination: items that define a level rather than being rated. */
  levelTargets: ReadonlySet<string>;
};

const MAX_CYCLE_ISSUES = 10;
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function buildCaseTree(input: CasePackageInput, file: string, notes: Assumptions): { ok: true; value: CaseTree } | { ok: false; issues: Issue[] } {
  const parent = new Map<string, string>();
  const sequence = new Map<string, number>();
  const skillLevels = new Map<string, string[]>();
  const levelTargets = new Set<string>();
  const issues: Issue[] = [];
  const title = (key: string) => {
    const node = input.byKey.get(key);
    return node === undefined ? key : describeItem(node.abbreviatedStatement || node.fullStatement || node.humanCodingScheme, node.identifier);
  };
  let childLinks = 0;

  for (const link of input.links) {
    if (link.type === 'hasSkillLevel') {
      if (link.origin === null || link.destination === null || link.destination === DOCUMENT_KEY || link.origin === DOCUMENT_KEY) continue;
      pushTo(skillLevels, link.origin, link.destination);
      levelTargets.add(link.destination);
      continue;
    }
    if (link.type !== 'isChildOf') continue;
    childLinks += 1;
    const { origin } = link;
    if (origin === null || origin === DOCUMENT_KEY) {
      notes.add('child-outside', '', (n) => `${plural(n, 'isChildOf association')} ${n === 1 ? 'names a child' : 'name children'} outside the package; ignored.`);
      continue;
    }
    if (origin === link.destination) {
      issues.push({ code: 'case.cycle', file, path: 'CFAssociations', message: `Item ${title(origin)} is its own parent (isChildOf), so it has no place in the tree. Fix this association in the CASE tool.` });
      continue;
    }
    if (parent.has(origin)) {
      notes.add('two-parents', title(origin), (n, ex) => `${plural(n, 'item')} ${n === 1 ? 'has' : 'have'} more than one parent (e.g. ${ex}); each is placed under the first one in the file.`);
      continue;
    }
    if (link.destination === null) {
      notes.add('parent-outside', title(origin), (n, ex) => `${plural(n, 'item')} ${n === 1 ? 'is a child' : 'are children'} of an item outside the package (e.g. ${ex}); placed at the top of the framework.`);
    }
    parent.set(origin, link.destination ?? DOCUMENT_KEY);
    if (link.sequence !== undefined) sequence.set(origin, link.sequence);
  }
  if (issues.length > 0) return { ok: false, issues };

  for (const node of input.nodes) {
    if (parent.has(node.key) || levelTargets.has(node.key)) continue;
    parent.set(node.key, DOCUMENT_KEY);
    if (childLinks > 0) notes.add('orphan', title(node.key), (n, ex) => `${plural(n, 'item')} ${n === 1 ? 'has' : 'have'} no parent (isChildOf) (e.g. ${ex}); placed at the top of the framework.`);
  }
  if (childLinks === 0 && input.nodes.length > 0) notes.once('flat', 'The package has no isChildOf associations: every item is read as a statement directly under the framework.');

  const cycles = findCycles(parent);
  for (const cycle of cycles.slice(0, MAX_CYCLE_ISSUES)) {
    const shown = cycle.slice(0, 5).map(title).join(', ');
    issues.push({
      code: 'case.cycle',
      file,
      path: 'CFAssociations',
      message: `Items ${shown}${cycle.length > 5 ? ` and ${cycle.length - 5} more` : ''} are each other's parents through isChildOf (a cycle), so they have no place in the tree. Fix these associations in the CASE tool.`,
    });
  }
  if (cycles.length > MAX_CYCLE_ISSUES) issues.push({ code: 'case.cycle', file, path: 'CFAssociations', message: `${plural(cycles.length - MAX_CYCLE_ISSUES, 'more cycle')} like these.` });
  if (issues.length > 0) return { ok: false, issues };

  const children = new Map<string, string[]>();
  for (const node of input.nodes) {
    const up = parent.get(node.key);
    if (up !== undefined) pushTo(children, up, node.key);
  }
  const rank = (key: string) => sequence.get(key) ?? Number.POSITIVE_INFINITY;
  for (const list of children.values()) {
    list.sort((a, b) => {
      const bySequence = rank(a) - rank(b);
      if (bySequence !== 0 && !Number.isNaN(bySequence)) return bySequence;
      const left = input.byKey.get(a);
      const right = input.byKey.get(b);
      return collator.compare(left?.humanCodingScheme ?? '', right?.humanCodingScheme ?? '') || (left?.order ?? 0) - (right?.order ?? 0);
    });
  }
  return { ok: true, value: { parent, children, skillLevels, levelTargets } };
}

/** Each cycle in the parent links once, as the keys on it; items that only hang below one are left out. */
function findCycles(parent: ReadonlyMap<string, string>): string[][] {
  const ROOTED = 1;
  const VISITING = 2;
  const BROKEN = 3;
  const state = new Map<string, number>();
  const cycles: string[][] = [];
  for (const start of parent.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    let at: string | undefined = start;
    while (at !== undefined && at !== DOCUMENT_KEY && !state.has(at)) {
      state.set(at, VISITING);
      path.push(at);
      at = parent.get(at);
    }
    // at: the root, past an item with no parent (a level item outside the tree), or one seen before.
    const seen = at === undefined || at === DOCUMENT_KEY ? ROOTED : state.get(at);
    if (seen === VISITING && at !== undefined) cycles.push(path.slice(path.indexOf(at)));
    const outcome = seen === ROOTED ? ROOTED : BROKEN;
    for (const key of path) state.set(key, outcome);
  }
  return cycles;
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
