import { isRecord, own } from '../model/json-value.ts';
import { MAX_ID_CHARS, MAX_NOTE_CHARS } from '../model/limits.ts';
import type { Issue } from '../model/result.ts';
import { Assumptions, cleanText, describeItem, plural } from './case-text.ts';

/**
 * A CASE 1.0 or 1.1 package read leniently into plain records: what the importer needs and
 * nothing else. Real packages rarely pass the official schema (shared/case/README.md §2), so
 * this accepts CFDocumentURI and CFPackageURI, links given as URI strings instead of objects,
 * identifiers that are not lower-case UUIDs, numbers or null where text belongs, and says what
 * it assumed. What cannot be read safely (too many items, identifiers with control characters,
 * the same identifier twice) is an issue.
 */

/** Far above any real framework (state standards run to a few thousand items), far below a hang. */
export const MAX_CASE_ITEMS = 50_000;
export const MAX_CASE_ASSOCIATIONS = 200_000;
export const MAX_CASE_RUBRIC_CELLS = 200_000;
/** The key the document has in the tree, whatever its identifier. */
export const DOCUMENT_KEY = '#document';

export type CaseNodeInput = {
  /** The identifier lower-cased: packages often spell one identifier in two cases. */
  key: string;
  identifier: string;
  uri: string;
  fullStatement: string;
  abbreviatedStatement: string;
  humanCodingScheme: string;
  itemType: string;
  notes: string;
  /** Position in CFItems: the last tie-break of every order. */
  order: number;
  extensions: Record<string, unknown> | undefined;
};

/** An association whose ends are node keys; an end outside the package is `null`. */
export type CaseLinkInput = { type: string; origin: string | null; destination: string | null; sequence: number | undefined; order: number };

export type CaseRubricCell = { identifier: string; uri: string; quality: string; position: number | undefined; description: string };
export type CaseRubricInput = { title: string; criteria: { itemKey: string; cells: CaseRubricCell[] }[] };

export type CaseDocumentInput = {
  identifier: string;
  uri: string;
  title: string;
  creator: string;
  publisher: string;
  description: string;
  version: string;
  lastChangeDateTime: string;
  adoptionStatus: string;
  officialSourceUrl: string;
  licence: string | null;
  extensions: Record<string, unknown> | undefined;
};

export type CasePackageInput = {
  document: CaseDocumentInput;
  nodes: CaseNodeInput[];
  byKey: Map<string, CaseNodeInput>;
  links: CaseLinkInput[];
  rubrics: CaseRubricInput[];
};

export type ReadOutcome = { ok: true; value: CasePackageInput } | { ok: false; issues: Issue[] };

/** True for a JSON value shaped like a CFPackage: a CFDocument object, items as a list if any. */
export function isCasePackage(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(own(value, 'CFDocument'))) return false;
  const items = own(value, 'CFItems');
  return items === undefined || items === null || Array.isArray(items);
}

export function readCaseInput(value: unknown, file: string, notes: Assumptions): ReadOutcome {
  const issues: Issue[] = [];
  const problem = (code: string, path: string, message: string) => issues.push({ code, file, path, message });
  if (!isRecord(value) || !isRecord(own(value, 'CFDocument'))) {
    problem('case.not-a-package', 'CFDocument', 'This is not a CASE package: it has no CFDocument object.');
    return { ok: false, issues };
  }
  const items = listOf(value, 'CFItems', notes);
  const associations = listOf(value, 'CFAssociations', notes);
  if (items.length > MAX_CASE_ITEMS) problem('case.too-many-items', 'CFItems', `The package has ${plural(items.length, 'item')}; Skillscope reads at most ${MAX_CASE_ITEMS.toLocaleString('en')}. Export a smaller framework or part of it from the CASE tool.`);
  if (associations.length > MAX_CASE_ASSOCIATIONS) problem('case.too-many-items', 'CFAssociations', `The package has ${plural(associations.length, 'association')}; Skillscope reads at most ${MAX_CASE_ASSOCIATIONS.toLocaleString('en')}.`);
  if (issues.length > 0) return { ok: false, issues };

  const text = textReader(notes);
  const cfDocument = readDocument(own(value, 'CFDocument') as Record<string, unknown>, value, text, notes);
  if (own(own(value, 'CFDocument') as Record<string, unknown>, 'CFPackageURI') !== undefined) {
    notes.once('package-uri', 'The CFDocument carries CFPackageURI, which belongs only to a standalone document; it was ignored.');
  }

  const nodes: CaseNodeInput[] = [];
  const byKey = new Map<string, CaseNodeInput>();
  const firstAt = new Map<string, number>();
  const byUri = new Map<string, string>();
  items.forEach((raw, index) => {
    const path = `CFItems[${index}]`;
    if (!isRecord(raw)) {
      notes.add('item-not-object', path, (n, ex) => `${plural(n, 'entry', 'entries')} of CFItems ${n === 1 ? 'is' : 'are'} not an object and ${n === 1 ? 'was' : 'were'} left out (${ex}).`);
      return;
    }
    const node = readItem(raw, index, text, notes);
    if (node === null) return;
    const bad = identifierProblem(own(raw, 'identifier'), node.identifier);
    if (bad !== null) {
      problem('case.bad-identifier', `${path}.identifier`, `Item ${describeItem(node.fullStatement || node.abbreviatedStatement, node.identifier)}: ${bad}`);
      return;
    }
    const earlier = firstAt.get(node.key);
    if (earlier !== undefined) {
      if (issues.length < 100) problem('case.duplicate-identifier', `${path}.identifier`, `Item ${describeItem(node.fullStatement || node.abbreviatedStatement, node.identifier)} has the same identifier as CFItems[${earlier}]; each item needs its own, or links to it are ambiguous.`);
      return;
    }
    if (node.uri.length > MAX_NOTE_CHARS) {
      problem('case.too-long', `${path}.uri`, `Item ${describeItem(node.fullStatement, node.identifier)} has a uri of ${plural(node.uri.length, 'character')}; at most ${MAX_NOTE_CHARS.toLocaleString('en')} are allowed.`);
      return;
    }
    firstAt.set(node.key, index);
    nodes.push(node);
    byKey.set(node.key, node);
    if (node.uri !== '' && !byUri.has(node.uri)) byUri.set(node.uri, node.key);
  });
  if (issues.length > 0) return { ok: false, issues };

  const documentKeys = new Set([cfDocument.identifier.toLowerCase(), cfDocument.uri].filter((key) => key !== ''));
  const resolve = referenceResolver(byKey, byUri, documentKeys, notes);
  const links: CaseLinkInput[] = [];
  associations.forEach((raw, order) => {
    if (!isRecord(raw)) return;
    const type = own(raw, 'associationType');
    if (type !== 'isChildOf' && type !== 'hasSkillLevel' && type !== 'precedes') return;
    if (own(raw, 'CFDocumentURI') !== undefined) notes.once('document-uri', 'Associations carry CFDocumentURI, which belongs only to standalone associations; it was ignored.');
    links.push({ type, origin: resolve(own(raw, 'originNodeURI')), destination: resolve(own(raw, 'destinationNodeURI')), sequence: sequenceOf(own(raw, 'sequenceNumber'), notes), order });
  });
  const rubrics = readRubrics(value, resolve, text, notes, problem);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { document: cfDocument, nodes, byKey, links, rubrics } };
}

function listOf(value: Record<string, unknown>, key: string, notes: Assumptions): unknown[] {
  const list = own(value, key);
  if (Array.isArray(list)) return list;
  if (list !== undefined && list !== null) notes.once(`${key}-not-list`, `${key} is not a list and was read as empty.`);
  return [];
}

type TextReader = (record: Record<string, unknown>, key: string, where: string) => string;

/** Text fields, read leniently: null as empty, a number as its digits, control characters removed. */
function textReader(notes: Assumptions): TextReader {
  return (record, key, where) => {
    const value = own(record, key);
    if (value === undefined || value === null) {
      if (value === null) notes.add('null', `${where}.${key}`, (n, ex) => `${plural(n, 'field')} held null (e.g. ${ex}); read as empty.`);
      return '';
    }
    const raw = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    if (raw === undefined) {
      notes.add('not-text', `${where}.${key}`, (n, ex) => `${plural(n, 'field')} that should hold text held a list or object (e.g. ${ex}); read as empty.`);
      return '';
    }
    const { text, removed } = cleanText(raw);
    if (removed) notes.add('controls', `${where}.${key}`, (n, ex) => `Control characters were removed from ${plural(n, 'text')} (e.g. ${ex}).`);
    return text;
  };
}

function readDocument(doc: Record<string, unknown>, pkg: Record<string, unknown>, text: TextReader, notes: Assumptions): CaseDocumentInput {
  const title = text(doc, 'title', 'CFDocument');
  if (title === '') notes.once('untitled', 'The CFDocument has no title; the framework is called "Untitled CASE framework".');
  const lastChange = text(doc, 'lastChangeDateTime', 'CFDocument');
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(lastChange)) notes.once('no-zone', 'Times without a time zone were read as UTC.');
  return {
    identifier: text(doc, 'identifier', 'CFDocument'),
    uri: text(doc, 'uri', 'CFDocument'),
    title: title === '' ? 'Untitled CASE framework' : title,
    creator: text(doc, 'creator', 'CFDocument'),
    publisher: text(doc, 'publisher', 'CFDocument'),
    description: text(doc, 'description', 'CFDocument'),
    version: text(doc, 'version', 'CFDocument'),
    lastChangeDateTime: lastChange,
    adoptionStatus: text(doc, 'adoptionStatus', 'CFDocument'),
    officialSourceUrl: text(doc, 'officialSourceURL', 'CFDocument'),
    licence: licenceOf(doc, pkg, text),
    extensions: recordOrUndefined(own(doc, 'extensions')),
  };
}

/** The licence's title: from the CFLicense the document points at, else the link's own title. */
function licenceOf(doc: Record<string, unknown>, pkg: Record<string, unknown>, text: TextReader): string | null {
  const link = own(doc, 'licenseURI');
  if (!isRecord(link)) return null;
  const identifier = own(link, 'identifier');
  const definitions = own(pkg, 'CFDefinitions');
  const licences = isRecord(definitions) ? own(definitions, 'CFLicenses') : undefined;
  const found = Array.isArray(licences) ? licences.find((licence) => isRecord(licence) && own(licence, 'identifier') === identifier) : undefined;
  const title = isRecord(found) ? text(found, 'title', 'CFLicenses') : text(link, 'title', 'CFDocument.licenseURI');
  return title === '' ? null : title.slice(0, 200);
}

function readItem(raw: Record<string, unknown>, index: number, text: TextReader, notes: Assumptions): CaseNodeInput | null {
  const where = `CFItems[${index}]`;
  let identifier = text(raw, 'identifier', where);
  const uri = text(raw, 'uri', where);
  if (identifier === '') {
    if (uri === '') {
      notes.add('no-identifier', where, (n, ex) => `${plural(n, 'item')} without identifier or uri ${n === 1 ? 'was' : 'were'} left out, since nothing can link to ${n === 1 ? 'it' : 'them'} (${ex}).`);
      return null;
    }
    identifier = uri;
    notes.add('uri-as-identifier', where, (n) => `${plural(n, 'item')} without an identifier ${n === 1 ? 'is' : 'are'} known by ${n === 1 ? 'its' : 'their'} uri.`);
  }
  if (own(raw, 'CFDocumentURI') !== undefined) notes.once('item-document-uri', 'Items carry CFDocumentURI, which belongs only to standalone items; it was ignored.');
  const typeLink = own(raw, 'CFItemTypeURI');
  const itemType = text(raw, 'CFItemType', where) || (isRecord(typeLink) ? text(typeLink, 'title', `${where}.CFItemTypeURI`) : '');
  return {
    key: identifier.toLowerCase(),
    identifier,
    uri,
    fullStatement: text(raw, 'fullStatement', where),
    abbreviatedStatement: text(raw, 'abbreviatedStatement', where),
    humanCodingScheme: text(raw, 'humanCodingScheme', where),
    itemType,
    notes: text(raw, 'notes', where),
    order: index,
    extensions: recordOrUndefined(own(raw, 'extensions')),
  };
}

/**
 * Identifiers join the package together and travel with each statement, so one that is huge or
 * holds control characters (which the text reader would silently drop, changing what it names)
 * is refused rather than repaired.
 */
function identifierProblem(raw: unknown, identifier: string): string | null {
  if (identifier.length > MAX_ID_CHARS) return `its identifier has ${plural(identifier.length, 'character')}; at most ${MAX_ID_CHARS} are allowed.`;
  if (typeof raw === 'string' && /[\u0000-\u001f\u007f-\u009f]/.test(raw)) return 'its identifier contains control characters; an identifier must be plain text.';
  return null;
}

/**
 * An association's end (a LinkGenURI object, or in older files a URI string) as a node key: by
 * identifier (any case), then by URI, then a URI's last segment. `null` for an end outside the
 * package, such as an item of another framework.
 */
function referenceResolver(byKey: ReadonlyMap<string, CaseNodeInput>, byUri: ReadonlyMap<string, string>, documentKeys: ReadonlySet<string>, notes: Assumptions) {
  return (ref: unknown): string | null => {
    let identifier = '';
    let uri = '';
    if (isRecord(ref)) {
      const id = own(ref, 'identifier');
      const link = own(ref, 'uri');
      identifier = typeof id === 'string' ? id.trim().toLowerCase() : '';
      uri = typeof link === 'string' ? link.trim() : '';
    } else if (typeof ref === 'string') {
      uri = ref.trim();
      notes.once('string-links', 'Some association ends are URI strings rather than link objects; they were matched by URI.');
    }
    for (const key of [identifier, uri.toLowerCase()]) {
      if (key !== '' && documentKeys.has(key)) return DOCUMENT_KEY;
      if (key !== '' && byKey.has(key)) return key;
    }
    if (uri !== '' && documentKeys.has(uri)) return DOCUMENT_KEY;
    const byLink = byUri.get(uri);
    if (byLink !== undefined) return byLink;
    const last = uri.split(/[/#]/).pop()?.toLowerCase() ?? '';
    if (last !== '' && documentKeys.has(last)) return DOCUMENT_KEY;
    return last !== '' && byKey.has(last) ? last : null;
  };
}

function sequenceOf(value: unknown, notes: Assumptions): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    notes.once('sequence-text', 'Some sequenceNumbers are written as text; they were read as numbers.');
    return Number(value);
  }
  return undefined;
}

function readRubrics(
  pkg: Record<string, unknown>,
  resolve: (ref: unknown) => string | null,
  text: TextReader,
  notes: Assumptions,
  problem: (code: string, path: string, message: string) => void,
): CaseRubricInput[] {
  const rubrics: CaseRubricInput[] = [];
  let cells = 0;
  listOf(pkg, 'CFRubrics', notes).forEach((rubric, r) => {
    if (!isRecord(rubric)) return;
    const criteria: CaseRubricInput['criteria'] = [];
    listOf(rubric, 'CFRubricCriteria', notes).forEach((criterion, c) => {
      if (!isRecord(criterion)) return;
      const itemKey = resolve(own(criterion, 'CFItemURI'));
      const levels = listOf(criterion, 'CFRubricCriterionLevels', notes);
      cells += levels.length + 1;
      if (itemKey === null || cells > MAX_CASE_RUBRIC_CELLS) return;
      criteria.push({
        itemKey,
        cells: levels.filter(isRecord).map((level, l) => {
          const where = `CFRubrics[${r}].CFRubricCriteria[${c}].CFRubricCriterionLevels[${l}]`;
          const position = own(level, 'position');
          return {
            identifier: text(level, 'identifier', where),
            uri: text(level, 'uri', where),
            quality: text(level, 'quality', where),
            position: typeof position === 'number' && Number.isFinite(position) ? position : undefined,
            description: text(level, 'description', where),
          };
        }),
      });
    });
    rubrics.push({ title: text(rubric, 'title', `CFRubrics[${r}]`), criteria });
  });
  if (cells > MAX_CASE_RUBRIC_CELLS) problem('case.too-many-items', 'CFRubrics', `The package's rubrics have ${plural(cells, 'criterion and level', 'criteria and levels')}; Skillscope reads at most ${MAX_CASE_RUBRIC_CELLS.toLocaleString('en')}.`);
  return rubrics;
}

function recordOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}
