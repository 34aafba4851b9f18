import { readJson } from '../input/read-json.ts';
import { excerpt } from '../model/echo.ts';
import {
  type Attribution, type Domain, type DomainKind, type Framework, isLevelId, type Level, LEVEL_IDS, LEVEL_LABELS, type LevelId, type Statement,
} from '../model/framework.ts';
import { isKebabId, slug } from '../model/ids.ts';
import { isRecord, own } from '../model/json-value.ts';
import { MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../model/limits.ts';
import { fail, type Issue, inFile, type Result } from '../model/result.ts';
import { validateFramework } from '../model/validate-framework.ts';
import { IdMaker, idFromTitle } from './case-ids.ts';
import { levelLabel, levelSign, mapLevel } from './case-levels.ts';
import { EXTENSION_KEYS, ITEM_TYPES } from './case-package.ts';
import { rubricLevels } from './case-rubric-levels.ts';
import {
  type CaseSubtree, fitsOneSurvey, MAX_PICKABLE_PARTS, MAX_SUGGESTIONS, MAX_SURVEY_DEPTH, MAX_SURVEY_DOMAINS, MAX_SURVEY_STATEMENTS, type SubtreeSize, subtreeSizes,
  suggestSubtrees,
} from './case-subtrees.ts';
import { Assumptions, cutTitle, describeItem, plural } from './case-text.ts';
import { buildCaseTree, type CaseTree } from './case-tree.ts';
import { type CaseNodeInput, type CasePackageInput, DOCUMENT_KEY, isCasePackage, readCaseInput } from './read-case-package.ts';
import { CASE_UUID } from './uuid-v5.ts';

export { isCasePackage };

export type CaseImportOptions = {
  /** The identifier of one item: import only the part of the package below it. */
  subtree?: string;
};

/** A framework read from CASE, and every assumption made on the way, in plain sentences. */
export type CaseImport = { framework: Framework; assumptions: string[] };

/** The parts of a package too large for one survey that would fit one (at most 2,000, largest first), and how many more there are. */
export type CaseParts = { subtrees: CaseSubtree[]; more: number };

/**
 * Every problem, as any Result; a package too large for one survey (`case.too-large`) also
 * gives its parts as data, so that the app can offer them to pick without reading the messages.
 */
export type CaseImportResult = { ok: true; value: CaseImport } | { ok: false; issues: Issue[]; parts?: CaseParts };

/** A statement-to-be: the item rated, where it sits, and what level it has if any. */
type Rated = { node: CaseNodeInput; text: string; path: readonly string[]; level: LevelId | null; caseItem: { identifier: string; uri: string } };

/**
 * A CASE 1.0 or 1.1 package (parsed JSON) as a Skillscope framework, leniently (README "CASE"):
 * the isChildOf tree gives domains (the headings right below the root) and statements (the
 * leaves); levels come from level items, hasSkillLevel or a rubric with level columns; without
 * level information the framework has no levels, as SCQF. A package too big for one survey is
 * refused with the parts that would fit, which `options.subtree` then picks.
 */
export function readCasePackage(value: unknown, file: string, options: CaseImportOptions = {}): CaseImportResult {
  const notes = new Assumptions();
  const read = readCaseInput(value, file, notes);
  if (!read.ok) return read;
  const input = read.value;
  const built = buildCaseTree(input, file, notes);
  if (!built.ok) return built;
  const tree = built.value;
  const sizes = subtreeSizes(tree);

  let root = DOCUMENT_KEY;
  if (options.subtree !== undefined) {
    root = options.subtree.trim().toLowerCase();
    if (!input.byKey.has(root)) return fail([{ code: 'case.unknown-subtree', file, path: 'subtree', message: `The package has no item with the identifier ${excerpt(options.subtree)} to import on its own.` }]);
  }
  const size = sizes.get(root) ?? { items: 0, statements: 0, depth: 0, groups: 0 };
  if (size.statements === 0) return fail([{ code: 'case.no-statements', file, path: root === DOCUMENT_KEY ? 'CFItems' : 'subtree', message: 'There is no item to rate here: a CASE package needs CFItems under its CFDocument (isChildOf).' }]);
  if (!fitsOneSurvey(size)) {
    const parts = suggestSubtrees(input, tree, sizes, root, MAX_PICKABLE_PARTS);
    const listed = { subtrees: parts.subtrees.slice(0, MAX_SUGGESTIONS), more: parts.more + Math.max(0, parts.subtrees.length - MAX_SUGGESTIONS) };
    return { ok: false, issues: tooLarge(listed, root, size, file), parts };
  }

  const rated = collectRated(input, tree, root, file, notes);
  if (!rated.ok) return rated;
  noteIdentifiers(input, notes);
  const framework = toFramework(input, tree, root, rated.value, file, notes);
  const problems = validateFramework(framework);
  if (problems.length > 0) return fail(inFile(file, problems));
  return { ok: true, value: { framework, assumptions: notes.list() } };
}

/** For the one framework dispatcher (src/core/parse/parse-framework-file.ts): a package as a list of one framework. */
export function readCasePackageFrameworks(value: unknown, file: string, options: CaseImportOptions = {}): Result<Framework[]> {
  const read = readCasePackage(value, file, options);
  return read.ok ? { ok: true, value: [read.value.framework] } : { ok: false, issues: read.issues };
}

/** Pasted or opened text: through the one JSON reader, then as a package. */
export function importCasePackageText(text: string, file: string, options: CaseImportOptions = {}): CaseImportResult {
  const json = readJson(text, { file });
  if (!json.ok) return json;
  if (!isCasePackage(json.value)) return fail([{ code: 'case.not-a-package', file, path: '', message: 'This JSON is not a CASE package: it has no CFDocument object.' }]);
  return readCasePackage(json.value, file, options);
}

function tooLarge({ subtrees, more }: CaseParts, root: string, size: SubtreeSize, file: string): Issue[] {
  const reasons = [
    size.statements > MAX_SURVEY_STATEMENTS ? `${plural(size.statements, 'statement')} (a survey takes at most ${MAX_SURVEY_STATEMENTS})` : '',
    size.depth > MAX_SURVEY_DEPTH ? `${size.depth.toLocaleString('en')} levels of headings (at most ${MAX_SURVEY_DEPTH})` : '',
    size.groups > MAX_SURVEY_DOMAINS ? `${plural(size.groups, 'heading')} (at most ${MAX_SURVEY_DOMAINS} pages)` : '',
  ].filter((reason) => reason !== '');
  const head: Issue = {
    code: 'case.too-large',
    file,
    path: root === DOCUMENT_KEY ? 'CFItems' : 'subtree',
    message: `This package is too large for one survey: ${reasons.join(', ')}. ${subtrees.length === 0 ? 'No part of it is small enough either.' : 'Import one part of it instead; the parts that fit are listed below with their identifiers.'}`,
  };
  const parts = subtrees.map((part): Issue => ({
    code: 'case.subtree',
    file,
    path: part.identifier,
    message: `Part ${excerpt(part.title, 80)}: ${plural(part.items, 'item')}, ${plural(part.statements, 'statement')} to rate.`,
  }));
  const rest: Issue[] = more > 0 ? [{ code: 'case.subtree', file, path: '', message: `${plural(more, 'more part')} of this size.` }] : [];
  return [head, ...parts, ...rest];
}

/** The leaves below `root` in tree order, each with the headings above it and its level, if the package marks one. */
function collectRated(input: CasePackageInput, tree: CaseTree, root: string, file: string, notes: Assumptions): Result<Rated[]> {
  const leaves: { node: CaseNodeInput; path: string[] }[] = [];
  const stack: { key: string; path: string[] }[] = [...(tree.children.get(root) ?? [])].reverse().map((key) => ({ key, path: [] }));
  while (stack.length > 0) {
    const { key, path } = stack.pop() ?? { key: '', path: [] };
    const children = tree.children.get(key) ?? [];
    const node = input.byKey.get(key);
    if (node === undefined) continue;
    if (children.length === 0) {
      if (!tree.levelTargets.has(key)) leaves.push({ node, path });
      continue;
    }
    for (const child of [...children].reverse()) stack.push({ key: child, path: [...path, key] });
  }

  const issues: Issue[] = [];
  const kept = leaves.flatMap(({ node, path }) => {
    const text = node.fullStatement || node.abbreviatedStatement;
    if (text === '') {
      notes.add('no-text', describeItem(node.humanCodingScheme, node.identifier), (n, ex) => `${plural(n, 'item')} without any text ${n === 1 ? 'was' : 'were'} left out (e.g. ${ex}).`);
      return [];
    }
    if (text.length > MAX_TEXT_CHARS) {
      issues.push({ code: 'case.too-long', file, path: `CFItems[${node.order}].fullStatement`, message: `Item ${describeItem(text, node.identifier)} has ${plural(text.length, 'character')}; a statement may have at most ${MAX_TEXT_CHARS.toLocaleString('en')}.` });
      return [];
    }
    return [{ node, text, path, level: null, caseItem: { identifier: node.identifier, uri: node.uri } }];
  });
  if (issues.length > 0) return fail(issues.slice(0, 100));
  return { ok: true, value: assignLevels(input, tree, kept, notes) };
}

/**
 * Levels from the tree: an item that is itself a level, a hasSkillLevel to a level item, or the
 * nearest heading above that is a level. All statements must have one and every level must be
 * used, else the framework is read without levels and the reason noted.
 */
function assignLevels(input: CasePackageInput, tree: CaseTree, rated: Rated[], notes: Assumptions): Rated[] {
  const candidates = new Set<string>();
  for (const { node, path } of rated) {
    candidates.add(node.key);
    for (const key of path) candidates.add(key);
    for (const key of tree.skillLevels.get(node.key) ?? []) candidates.add(key);
  }
  const signs = new Map([...candidates].flatMap((key) => {
    const node = input.byKey.get(key);
    const sign = node === undefined ? null : levelSign(node);
    return sign === null ? [] : [[key, sign] as const];
  }));
  if (signs.size === 0) return rubricLevels(input, tree, rated, notes);
  const numbers = [...signs.values()].flatMap((sign) => (sign.number === null ? [] : [sign.number]));
  const numbersFit = numbers.every((n) => n >= 1 && n <= LEVEL_IDS.length);
  if (!numbersFit) notes.once('levels-past-4', `The package numbers its levels up to ${Math.max(...numbers)}; only four (1 to 4) map onto emerging, developing, proficient and advanced, so the framework has no levels.`);
  const mapped = new Map([...signs].flatMap(([key, sign]) => {
    const level = mapLevel(sign, numbersFit);
    return level === null ? [] : [[key, level] as const];
  }));
  const withLevels = rated.map((entry) => {
    const own = tree.levelTargets.has(entry.node.key) ? undefined : mapped.get(entry.node.key);
    const skill = (tree.skillLevels.get(entry.node.key) ?? []).map((key) => mapped.get(key)).find((level) => level !== undefined);
    const above = [...entry.path].reverse().map((key) => mapped.get(key)).find((level) => level !== undefined);
    return { ...entry, level: own ?? skill ?? above ?? null };
  });
  const marked = withLevels.filter((entry) => entry.level !== null).length;
  const used = new Set(withLevels.map((entry) => entry.level));
  if (mapped.size > 0 && marked === withLevels.length && LEVEL_IDS.every((level) => used.has(level))) {
    notes.once('levels', `Levels: ${describeMapping(input, mapped)}.`);
    return withLevels;
  }
  if (mapped.size > 0 && numbersFit) {
    const missing = LEVEL_IDS.filter((level) => !used.has(level));
    notes.once('levels-partial', marked < withLevels.length
      ? `The package gives a level to ${marked} of ${plural(withLevels.length, 'statement')}; a survey by level needs one for every statement, so the framework has no levels.`
      : `The package's statements use only ${LEVEL_IDS.length - missing.length} of the four levels (none is ${missing.join(' or ')}), so the framework has no levels.`);
  }
  return rated;
}

/** `"Level 1: Recall" as emerging, ...`: how each level item was read, one example per level. */
function describeMapping(input: CasePackageInput, mapped: ReadonlyMap<string, LevelId>): string {
  return LEVEL_IDS.map((level) => {
    const key = [...mapped].find(([, id]) => id === level)?.[0];
    const node = key === undefined ? undefined : input.byKey.get(key);
    return `${excerpt(node === undefined ? level : levelLabel(node) || node.humanCodingScheme, 40)} as ${level}`;
  }).join(', ');
}

function toFramework(input: CasePackageInput, tree: CaseTree, root: string, rated: readonly Rated[], file: string, notes: Assumptions): Framework {
  const { document: cfDocument } = input;
  const levelled = rated.every((entry) => entry.level !== null);
  const ext = extension(cfDocument.extensions, EXTENSION_KEYS.framework);
  const rootNode = input.byKey.get(root);
  const levelKeys = new Set(levelled ? rated.flatMap((entry) => entry.path.filter((key) => { const node = input.byKey.get(key); return node !== undefined && levelSign(node) !== null; })) : []);

  // Domains: the first heading below the root that is not a level.
  const domainIds = new IdMaker();
  const domains = new Map<string, Domain>();
  let flattened = false;
  const domainOf = (entry: Rated): string | null => {
    const headings = entry.path.filter((key) => !levelKeys.has(key));
    if (headings.length > 1) flattened = true;
    const key = headings[0];
    const node = key === undefined ? undefined : input.byKey.get(key);
    if (key === undefined || node === undefined) return null;
    const known = domains.get(key);
    if (known !== undefined) return known.id;
    const domain = toDomain(node, domainIds, notes);
    domains.set(key, domain);
    return domain.id;
  };
  const placed = rated.map((entry) => ({ entry, domain: domainOf(entry) }));
  if (flattened) notes.once('flattened', 'Headings more than one level below the top are not pages of their own: their statements are on the page of the top-level heading above them.');
  const loose = placed.filter(({ domain }) => domain === null);
  if (domains.size > 0 && loose.length > 0) {
    const general: Domain = { id: domainIds.unique('general'), title: 'General', kind: 'domain', description: 'Statements the package places directly under the framework, beside its headings.', mandatory: true };
    domains.set('#general', general);
    for (const item of loose) item.domain = general.id;
    notes.once('general', `${plural(loose.length, 'statement')} directly under the framework, beside headings, ${loose.length === 1 ? 'is' : 'are'} on a page called "General".`);
  }

  const statementIds = new IdMaker();
  const statements = placed.map(({ entry, domain }): Statement => {
    const source = extension(entry.node.extensions, EXTENSION_KEYS.statement)?.source;
    return {
      id: statementIds.next(entry.node.humanCodingScheme, domain ?? (levelled ? (entry.level ?? 'statement') : 'statement')),
      text: entry.text,
      level: levelled ? entry.level : null,
      domain,
      // Skillscope's 1.1 extension, else the item's notes (where a 1.0 export puts the source), else its code.
      source: cutTitle(typeof source === 'string' ? source : entry.node.notes || entry.node.humanCodingScheme, MAX_TEXT_CHARS),
      caseItem: entry.caseItem,
    };
  });

  const baseTitle = cfDocument.title;
  const partTitle = rootNode === undefined ? '' : rootNode.abbreviatedStatement || (rootNode.fullStatement.length <= 100 ? rootNode.fullStatement : '') || rootNode.humanCodingScheme || cutTitle(rootNode.fullStatement, 100);
  const title = cutTitle(partTitle === '' ? baseTitle : `${baseTitle}: ${partTitle}`, MAX_NAME_CHARS);
  if (title.endsWith('…')) notes.once('title-cut', `The framework's title was cut to ${MAX_NAME_CHARS} characters.`);
  const extId = ext?.id;
  const id = root === DOCUMENT_KEY && typeof extId === 'string' && extId.length <= MAX_ID_CHARS && isKebabId(extId) ? extId : `case-${slug(title, 60, 'framework')}`;
  const standardLevel = ext?.standardLevel;
  const description = cfDocument.description.length > MAX_TEXT_CHARS ? cutTitle(cfDocument.description, MAX_TEXT_CHARS) : cfDocument.description;
  if (description !== cfDocument.description) notes.once('description-cut', `The framework's description was cut to ${MAX_TEXT_CHARS.toLocaleString('en')} characters.`);

  return {
    id,
    title,
    version: cfDocument.version || cfDocument.lastChangeDateTime.slice(0, 10) || 'unversioned',
    description,
    attributions: attributionsOf(cfDocument, ext, file),
    levels: levelled ? levelsOf(input, tree, rated) : [],
    standardLevel: isLevelId(standardLevel) ? standardLevel : 'proficient',
    domains: [...domains.values()],
    statements,
    info: [packageInfo(input, root)],
    alignments: [],
  };
}

function toDomain(node: CaseNodeInput, ids: IdMaker, notes: Assumptions): Domain {
  const named = node.abbreviatedStatement || node.fullStatement || node.humanCodingScheme;
  const title = cutTitle(named, MAX_NAME_CHARS);
  if (title !== named) notes.add('domain-title-cut', excerpt(named, 30), (n, ex) => `${plural(n, 'heading')} had a title over ${MAX_NAME_CHARS} characters (e.g. ${ex}); the title was cut and the whole text kept as the description.`);
  const fuller = node.fullStatement !== '' && node.fullStatement !== title ? node.fullStatement : title !== named ? named : '';
  const ext = extension(node.extensions, EXTENSION_KEYS.domain);
  const extKind = ext?.kind;
  return {
    id: ids.unique(slug(node.humanCodingScheme, 64, '') || idFromTitle(title, 'domain')),
    title,
    kind: isDomainKind(extKind) ? extKind : kindOfType(node.itemType),
    description: cutTitle(fuller, MAX_TEXT_CHARS),
    mandatory: ext?.mandatory !== false,
  };
}

const DOMAIN_KINDS: readonly DomainKind[] = ['domain', 'competency-area', 'work-situation', 'competency-group'];
function isDomainKind(value: unknown): value is DomainKind {
  return DOMAIN_KINDS.includes(value as DomainKind);
}

/** The CFItemType Skillscope writes for each kind, read back; anything else is a domain. */
function kindOfType(type: string): DomainKind {
  const kind = DOMAIN_KINDS.find((candidate) => ITEM_TYPES[candidate].toLowerCase() === type.trim().toLowerCase());
  return kind ?? 'domain';
}

/** Each level's label and description from the item that defines it, else the standard label. */
function levelsOf(input: CasePackageInput, tree: CaseTree, rated: readonly Rated[]): Level[] {
  const definers = new Map<LevelId, CaseNodeInput>();
  const consider = (key: string) => {
    const node = input.byKey.get(key);
    const sign = node === undefined ? null : levelSign(node);
    const level = sign === null ? null : mapLevel(sign, true);
    if (node !== undefined && level !== null && !definers.has(level)) definers.set(level, node);
  };
  for (const entry of rated) {
    for (const key of tree.skillLevels.get(entry.node.key) ?? []) consider(key);
    for (const key of entry.path) consider(key);
  }
  return LEVEL_IDS.map((id) => {
    const node = definers.get(id);
    if (node === undefined) return { id, label: LEVEL_LABELS[id], description: '' };
    const label = cutTitle(node.abbreviatedStatement || LEVEL_LABELS[id], MAX_NAME_CHARS);
    return { id, label, description: node.fullStatement === label ? '' : cutTitle(node.fullStatement, MAX_TEXT_CHARS) };
  });
}

function attributionsOf(cfDocument: CasePackageInput['document'], ext: Record<string, unknown> | undefined, file: string): Attribution[] {
  const carried = ext?.attributions;
  if (Array.isArray(carried) && carried.length > 0 && carried.every(isCarriedAttribution)) {
    return carried.map((a) => ({ publisher: a.publisher, text: a.text, licence: typeof a.licence === 'string' ? a.licence : null, sourceFile: a.sourceFile }));
  }
  const by = [cfDocument.creator, cfDocument.publisher].filter((name, index, all) => name !== '' && all.indexOf(name) === index);
  const parts = [
    `${cfDocument.title}${by.length === 0 ? '' : `, by ${by.join(', published by ')}`}.`,
    `Imported from the CASE package ${cfDocument.identifier || cfDocument.uri || file}${cfDocument.officialSourceUrl === '' ? '' : ` (official source: ${cfDocument.officialSourceUrl})`}.`,
    cfDocument.licence === null ? '' : `Licence: ${cfDocument.licence}.`,
  ];
  return [{
    publisher: cutTitle(cfDocument.publisher || cfDocument.creator || 'Unknown publisher', MAX_NAME_CHARS),
    text: cutTitle(parts.filter((part) => part !== '').join(' '), MAX_TEXT_CHARS),
    licence: cfDocument.licence,
    sourceFile: file,
  }];
}

type CarriedAttribution = { publisher: string; text: string; licence?: unknown; sourceFile: string };
function isCarriedAttribution(value: unknown): value is CarriedAttribution {
  return isRecord(value) && typeof own(value, 'publisher') === 'string' && typeof own(value, 'text') === 'string' && typeof own(value, 'sourceFile') === 'string'
    && String(own(value, 'publisher')).length <= MAX_NAME_CHARS && String(own(value, 'text')).length <= MAX_TEXT_CHARS;
}

/** What the About page shows of the package itself: where the framework came from in CASE. */
function packageInfo(input: CasePackageInput, root: string): Framework['info'][number] {
  const { document: cfDocument } = input;
  const part = input.byKey.get(root);
  const line = (label: string, value: string) => (value === '' ? [] : [`${label}: ${cutTitle(value, 500)}`]);
  return {
    id: 'case-package',
    title: 'CASE package',
    items: [
      ...line('CFDocument identifier', cfDocument.identifier),
      ...line('CFDocument URI', cfDocument.uri),
      ...line('Creator', cfDocument.creator),
      ...line('Publisher', cfDocument.publisher),
      ...line('Adoption status', cfDocument.adoptionStatus),
      ...line('Last changed', cfDocument.lastChangeDateTime),
      ...line('Official source', cfDocument.officialSourceUrl),
      ...(part === undefined ? [] : line('Imported part', `${part.abbreviatedStatement || part.fullStatement} (${part.identifier})`)),
    ],
  };
}

function noteIdentifiers(input: CasePackageInput, notes: Assumptions): void {
  for (const node of input.nodes) {
    if (CASE_UUID.test(node.identifier)) continue;
    notes.add('not-uuid', excerpt(node.identifier, 40), (n, ex) => `${plural(n, 'item identifier')} ${n === 1 ? 'is' : 'are'} not a lower-case CASE UUID (e.g. ${ex}); kept as written and matched without regard to case.`);
  }
}

/** A Skillscope extension object of a 1.1 export, if the package carries one. */
function extension(extensions: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
  const value = extensions === undefined ? undefined : own(extensions, key);
  return isRecord(value) ? value : undefined;
}
