import { type Domain, type Framework, isLevelled, type Level, type Statement } from '../model/framework.ts';
import { caseUri, type CaseEndpoint, documentIdentifier, memberIdentifier } from './case-export-ids.ts';
import {
  type CaseAssociation, type CaseAssociationType, type CaseDocument, type CaseItem, type CaseItemType, type CaseLink, type CasePackage,
  type CaseVersion, EXTENSION_KEYS, ITEM_TYPES,
} from './case-package.ts';
import { ratingScaleRubric } from './export-rubric.ts';
import { exportDateTime } from './export-date.ts';
import { CASE_UUID } from './uuid-v5.ts';

export type CaseExportOptions = {
  /** '1.1' (the default) or '1.0', which drops every field and extension 1.1 added. */
  caseVersion?: CaseVersion;
  /** Where the package will be served; without it every `uri` is `urn:uuid:<identifier>`. */
  baseUrl?: string;
};

/**
 * A framework as a strict CASE CFPackage (shared/case/README.md §5, "Recommended mapping"): the
 * framework is the CFDocument; levels and domains are CFItems under it (isChildOf with
 * sequenceNumber), the levels joined by `precedes`; statements are CFItems under their domain
 * (or, without domains, their level), with `hasSkillLevel` to their level; the four-point rating
 * scale is a CFRubric with one criterion per statement. Every identifier is a UUIDv5 of the
 * framework and the object's Skillscope id and every date comes from the framework, so the same
 * framework always exports to the same bytes.
 */
export function exportCasePackage(framework: Framework, options: CaseExportOptions = {}): CasePackage {
  const version = options.caseVersion ?? '1.1';
  const v11 = version === '1.1';
  const when = exportDateTime(framework);
  const docId = documentIdentifier(framework.id);
  const uri = (identifier: string, endpoint: CaseEndpoint) => caseUri(identifier, endpoint, version, options.baseUrl);
  const memberId = (name: string) => memberIdentifier(docId, name);
  const docLink: CaseLink = { title: framework.title, identifier: docId, uri: uri(docId, 'CFDocuments') };

  const itemTypes = new Map<string, CaseItemType>();
  const typeLink = (title: string, description: string): CaseLink => {
    let type = itemTypes.get(title);
    if (type === undefined) {
      const identifier = memberId(`item-type:${title}`);
      type = { identifier, uri: uri(identifier, 'CFItemTypes'), title, description, hierarchyCode: String(itemTypes.size + 1), lastChangeDateTime: when };
      itemTypes.set(title, type);
    }
    return { title, identifier: type.identifier, uri: type.uri };
  };

  const items: CaseItem[] = [];
  const associations: CaseAssociation[] = [];
  const associate = (type: CaseAssociationType, origin: { key: string; link: CaseLink }, destination: { key: string; link: CaseLink }, sequenceNumber?: number) => {
    const identifier = memberId(`association:${type}:${origin.key}:${destination.key}`);
    associations.push({
      identifier,
      uri: uri(identifier, 'CFAssociations'),
      associationType: type,
      ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
      originNodeURI: origin.link,
      destinationNodeURI: destination.link,
      lastChangeDateTime: when,
    });
  };
  const documentNode = { key: 'document', link: docLink };
  let topSequence = 0;

  const levelNodes = new Map(framework.levels.map((level, index) => {
    const item = levelItem(level, index, memberId(`level:${level.id}`));
    items.push(item);
    const node = { key: `level:${level.id}`, link: { title: level.label, identifier: item.identifier, uri: item.uri } };
    associate('isChildOf', node, documentNode, (topSequence += 1));
    return [level.id, node] as const;
  }));
  const levelList = [...levelNodes.values()];
  levelList.slice(1).forEach((node, index) => associate('precedes', levelList[index] ?? node, node));

  const domainNodes = new Map(framework.domains.map((domain) => {
    const item = domainItem(domain, memberId(`domain:${domain.id}`));
    items.push(item);
    const node = { key: `domain:${domain.id}`, link: { title: domain.title, identifier: item.identifier, uri: item.uri } };
    associate('isChildOf', node, documentNode, (topSequence += 1));
    return [domain.id, node] as const;
  }));

  const reusable = reusableCaseItems(framework.statements);
  const childCount = new Map<string, number>();
  const statementLinks = new Map<string, CaseLink>();
  for (const statement of framework.statements) {
    const kept = reusable.has(statement.id) ? statement.caseItem : undefined;
    const identifier = kept?.identifier ?? memberId(`statement:${statement.id}`);
    const item = statementItem(statement, identifier, kept?.uri ?? uri(identifier, 'CFItems'));
    items.push(item);
    const node = { key: `statement:${statement.id}`, link: { title: statement.id, identifier, uri: item.uri } };
    statementLinks.set(statement.id, node.link);
    const level = statement.level === null ? undefined : levelNodes.get(statement.level);
    const parent = (statement.domain === null ? undefined : domainNodes.get(statement.domain)) ?? level ?? documentNode;
    const sequence = (childCount.get(parent.key) ?? (parent === documentNode ? topSequence : 0)) + 1;
    childCount.set(parent.key, sequence);
    associate('isChildOf', node, parent, sequence);
    if (level !== undefined) associate('hasSkillLevel', node, level);
  }

  return {
    CFDocument: documentOf(framework, docId, docLink.uri, when, v11),
    CFItems: items,
    CFAssociations: associations,
    CFDefinitions: { CFItemTypes: [...itemTypes.values()] },
    CFRubrics: [ratingScaleRubric(framework, { statementLinks, memberId, uri, when })],
  };

  function levelItem(level: Level, index: number, identifier: string): CaseItem {
    return {
      identifier,
      uri: uri(identifier, 'CFItems'),
      fullStatement: level.description.trim() === '' ? level.label : level.description,
      abbreviatedStatement: level.label,
      humanCodingScheme: `L${index + 1}`,
      CFItemType: ITEM_TYPES.level,
      CFItemTypeURI: typeLink(ITEM_TYPES.level, 'A proficiency level: emerging, developing, proficient or advanced, in that order (precedes).'),
      lastChangeDateTime: when,
    };
  }

  function domainItem(domain: Domain, identifier: string): CaseItem {
    const type = ITEM_TYPES[domain.kind];
    return {
      identifier,
      uri: uri(identifier, 'CFItems'),
      fullStatement: domain.description.trim() === '' ? domain.title : domain.description,
      abbreviatedStatement: domain.title,
      humanCodingScheme: domain.id,
      CFItemType: type,
      CFItemTypeURI: typeLink(type, `A group of statements that the profile charts as one axis (a Skillscope ${domain.kind.replace('-', ' ')}).`),
      lastChangeDateTime: when,
      ...(v11 ? { extensions: { [EXTENSION_KEYS.domain]: { kind: domain.kind, mandatory: domain.mandatory } } } : {}),
    };
  }

  function statementItem(statement: Statement, identifier: string, itemUri: string): CaseItem {
    return {
      identifier,
      uri: itemUri,
      fullStatement: statement.text,
      humanCodingScheme: statement.id,
      CFItemType: ITEM_TYPES.statement,
      CFItemTypeURI: typeLink(ITEM_TYPES.statement, 'A competency statement that a learner and raters rate on the four-point scale (CFRubrics).'),
      ...(statement.source === '' ? {} : { notes: statement.source }),
      lastChangeDateTime: when,
      ...(v11 ? { extensions: { [EXTENSION_KEYS.statement]: { source: statement.source } } } : {}),
    };
  }
}

/** The package as the file the CLI and the app write: two-space JSON and a final line feed. */
export function writeCasePackageJson(framework: Framework, options: CaseExportOptions = {}): string {
  return `${JSON.stringify(exportCasePackage(framework, options), null, 2)}\n`;
}

function documentOf(framework: Framework, identifier: string, uri: string, when: string, v11: boolean): CaseDocument {
  const publishers = [...new Set(framework.attributions.map((attribution) => attribution.publisher.trim()).filter((name) => name !== ''))];
  return {
    identifier,
    uri,
    ...(v11 ? { frameworkType: 'Competency Framework', caseVersion: '1.1' as const } : {}),
    creator: publishers.length === 0 ? 'Skillscope' : publishers.join('; '),
    title: framework.title,
    lastChangeDateTime: when,
    ...(framework.description.trim() === '' ? {} : { description: framework.description }),
    version: framework.version,
    notes: attributionNotes(framework),
    ...(v11 ? { extensions: { [EXTENSION_KEYS.framework]: frameworkExtension(framework) } } : {}),
  };
}

/** Attributions travel with the framework (DESIGN.md): in the notes, readable by any CASE tool. */
function attributionNotes(framework: Framework): string {
  const lines = framework.attributions.map((a) => `- ${a.publisher}: ${a.text}${a.licence === null ? '' : ` (licence: ${a.licence})`}`);
  const levelled = isLevelled(framework) ? 'Statements sit at four proficiency levels (emerging, developing, proficient, advanced).' : 'The framework has no proficiency levels.';
  return [`Exported from Skillscope (framework ${framework.id}, version ${framework.version}). ${levelled}`, ...(lines.length === 0 ? [] : ['Attributions:', ...lines])].join('\n');
}

/** What a CASE document has no field for, kept so that a 1.1 export imports back unchanged. */
function frameworkExtension(framework: Framework): Record<string, unknown> {
  // CASE asks for no null anywhere ([IG11]), so a missing licence is left out rather than null.
  const attributions = framework.attributions.map(({ licence, ...rest }) => (licence === null ? rest : { ...rest, licence }));
  return { id: framework.id, standardLevel: framework.standardLevel, attributions };
}

/**
 * Statements imported from CASE keep their item's identifier and URI when exported again, so the
 * item keeps its identity; only a valid, lower-case CASE UUID held by one statement is reused.
 */
function reusableCaseItems(statements: readonly Statement[]): Set<string> {
  const holders = new Map<string, string[]>();
  for (const statement of statements) {
    const identifier = statement.caseItem?.identifier;
    if (identifier === undefined || !CASE_UUID.test(identifier) || !isUri(statement.caseItem?.uri ?? '')) continue;
    holders.set(identifier, [...(holders.get(identifier) ?? []), statement.id]);
  }
  return new Set([...holders.values()].filter((ids) => ids.length === 1).flatMap((ids) => ids));
}

/** A URI as JSON Schema's `format: uri` reads it (RFC 3986): a scheme, then only URI characters. */
function isUri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/.test(text) && !/%(?![0-9A-Fa-f]{2})/.test(text);
}
